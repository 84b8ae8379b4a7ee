using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.Shared;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Finance;

/// <summary>The settlement statements finance imported (the last 30 days), and the form to upload a day's statement.</summary>
[Authorize(Policy = PortalAuth.Finance)]
public sealed class ReconciliationsModel(PortalApi portal, Language language) : PageModel
{
    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public IFormFile? Statement { get; set; }

    public IReadOnlyList<ReconciliationSummary> Items { get; private set; } = [];

    public ApiRefusal? Refusal { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Statement is null || Statement.Length == 0)
        {
            ModelState.AddModelError("statement", new FinanceText(language).NoFile);
            await LoadAsync();
            return Page();
        }
        await using var file = Statement.OpenReadStream();
        var (imported, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Finance.Reconciliations.PostAsync(file, q =>
            q.QueryParameters.Date = string.IsNullOrWhiteSpace(Date) ? null : Date));
        if (imported?.Id is { } id)
        {
            return RedirectToPage("Reconciliation", new { id, done = "imported" });
        }
        Refusal = refusal;
        refusal?.AddFieldErrorsTo(ModelState);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var (page, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Finance.Reconciliations.GetAsync());
        Items = page?.Reconciliations ?? [];
        Refusal ??= refusal;
    }
}
