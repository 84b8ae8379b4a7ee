using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Finance;

/// <summary>Finance's work list: payments by status, those needing reconciliation first to hand.</summary>
[Authorize(Policy = PortalAuth.Finance)]
public sealed class PaymentsModel(PortalApi portal) : PageModel
{
    [FromQuery(Name = "status")]
    public PaymentStatus? Status { get; set; }

    [FromQuery(Name = "needsReconciliation")]
    public bool NeedsReconciliation { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<PaymentDetails> Items { get; private set; } = [];

    public string? Next { get; private set; }

    public ApiRefusal? Refusal { get; private set; }

    public async Task OnGetAsync()
    {
        var (page, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Finance.Payments.GetAsync(q =>
        {
            q.QueryParameters.Status = Status?.ToString();
            q.QueryParameters.NeedsReconciliation = NeedsReconciliation ? true : null;
            q.QueryParameters.After = After;
            q.QueryParameters.Limit = 50;
        }));
        Items = page?.Items ?? [];
        Next = page?.Next;
        Refusal = refusal;
    }
}
