using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>
/// The officer's department queue, first come first served as the engine orders it, with due dates and flags. Claiming
/// from the list is a form post carrying the version of the row the officer saw.
/// </summary>
[Authorize(AuthenticationSchemes = PortalAuth.Scheme, Roles = "officer,supervisor")]
public sealed class QueueModel(PortalApi portal) : PageModel
{
    [FromQuery(Name = "assigned")]
    public string? Assigned { get; set; }

    [FromQuery(Name = "overdue")]
    public bool Overdue { get; set; }

    [FromQuery(Name = "status")]
    public ServiceRequestStatus? Status { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public string? Next { get; private set; }

    public ApiRefusal? Refusal { get; private set; }

    public string? Department => StaffUser.Of(User).Department;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Department is not null)
        {
            await LoadAsync(Department);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostClaimAsync(Guid id, long version)
    {
        var (_, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.ServiceRequests[id].Claim.PostAsync(new() { ExpectedVersion = version }));
        if (refusal is null)
        {
            return RedirectToPage("Request", new { id, done = "claimed" });
        }
        Refusal = refusal;
        if (Department is not null)
        {
            await LoadAsync(Department);
        }
        return Page();
    }

    private async Task LoadAsync(string department)
    {
        var (page, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Departments[department].Queue.GetAsync(q =>
        {
            q.QueryParameters.Assigned = Assigned is "unassigned" or "me" ? Assigned : null;
            q.QueryParameters.Overdue = Overdue ? true : null;
            q.QueryParameters.Status = Status;
            q.QueryParameters.After = After;
            q.QueryParameters.Limit = 50;
        }));
        Items = page?.Items ?? [];
        Next = page?.Next;
        Refusal ??= refusal;
    }
}
