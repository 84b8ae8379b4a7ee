using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Api.ServiceRequests.Item;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>
/// One request as an officer or supervisor works it: what it is, where it stands, its history, and the actions its
/// state allows. Every action is a plain form post carrying the version the officer saw; the engine decides, and a
/// refusal is shown on the page with the officer's input kept.
/// </summary>
[Authorize(AuthenticationSchemes = PortalAuth.Scheme, Roles = "officer,supervisor")]
public sealed class RequestModel(PortalApi portal) : PageModel
{
    [BindProperty(SupportsGet = false)]
    public CommandInput Input { get; set; } = new();

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public ServiceRequestDetails? Details { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<DepartmentEntry> Departments { get; private set; } = [];

    public IReadOnlyList<RosterEntry> Roster { get; private set; } = [];

    public ApiRefusal? Refusal { get; private set; }

    public StaffUser Me => StaffUser.Of(User);

    public RequestActions Actions => RequestActions.For(Details!, Me);

    public Task<IActionResult> OnGetAsync(Guid id) => PageAsync(id);

    public Task<IActionResult> OnPostClaimAsync(Guid id) =>
        SendAsync(id, "claimed", r => r.Claim.PostAsync(new() { ExpectedVersion = Input.Version }));

    public Task<IActionResult> OnPostInformAsync(Guid id) =>
        SendAsync(id, "information-requested", r => r.InformationRequests.PostAsync(new() { ExpectedVersion = Input.Version, Message = Input.Message }));

    public Task<IActionResult> OnPostCompleteAsync(Guid id) =>
        SendAsync(id, "step-completed", r => r.Steps.Complete.PostAsync(new() { ExpectedVersion = Input.Version, Note = Input.Note }));

    public Task<IActionResult> OnPostReferAsync(Guid id) =>
        SendAsync(id, "referred", r => r.Referrals.PostAsync(new() { ExpectedVersion = Input.Version, ToDepartment = Input.ToDepartment, Reason = Input.Reason }));

    public Task<IActionResult> OnPostProposeAsync(Guid id) =>
        SendAsync(id, "decided", r => r.Decision.Propose.PostAsync(new()
        {
            ExpectedVersion = Input.Version,
            Outcome = Enum.TryParse<DecisionOutcome>(Input.Outcome, out var outcome) ? outcome : null,
            ReasonCode = string.IsNullOrWhiteSpace(Input.ReasonCode) ? null : Input.ReasonCode,
            Note = Input.Note,
        }));

    public Task<IActionResult> OnPostConfirmAsync(Guid id) =>
        SendAsync(id, "confirmed", r => r.Decision.Confirm.PostAsync(new() { ExpectedVersion = Input.Version, Note = Input.Note }));

    public Task<IActionResult> OnPostReturnAsync(Guid id) =>
        SendAsync(id, "returned", r => r.Decision.Return.PostAsync(new() { ExpectedVersion = Input.Version, Reason = Input.Reason }));

    public Task<IActionResult> OnPostAssignAsync(Guid id) =>
        SendAsync(id, "assigned", r => r.Assign.PostAsync(new() { ExpectedVersion = Input.Version, OfficerId = Input.OfficerId }));

    public Task<IActionResult> OnPostIssueAsync(Guid id) =>
        SendAsync(id, "issued", r => r.Issue.PostAsync(new() { ExpectedVersion = Input.Version }));

    /// <summary>Post, then redirect (so a reload does not resend); on refusal, the same page with the reasons.</summary>
    private async Task<IActionResult> SendAsync<T>(Guid id, string done, Func<ServiceRequestsItemRequestBuilder, Task<T?>> call)
    {
        var (_, refusal) = await ApiRefusal.TryAsync(() => call(portal.Client.Api.ServiceRequests[id]));
        if (refusal is null)
        {
            return RedirectToPage(new { id, done });
        }
        Refusal = refusal;
        Done = null;
        return await PageAsync(id);
    }

    private async Task<IActionResult> PageAsync(Guid id)
    {
        var item = portal.Client.Api.ServiceRequests[id];
        var (request, refusal) = await ApiRefusal.TryAsync(() => item.GetAsync());
        if (request is null)
        {
            // The engine says 404 for a request the officer may not see, exactly as for one that does not exist.
            if (refusal?.Status is 404 or 403)
            {
                return NotFound();
            }
            Refusal = refusal;
            return Page();
        }
        Details = request;
        Timeline = (await ApiRefusal.TryAsync(() => item.Timeline.GetAsync())).Value ?? [];
        // The department's name in the reader's language, and the choices of a referral.
        Departments = (await ApiRefusal.TryAsync(() => portal.Client.Api.Departments.GetAsync())).Value ?? [];
        if (Actions.Assign && request.CurrentDepartment is { } department)
        {
            Roster = (await ApiRefusal.TryAsync(() => portal.Client.Api.Departments[department].Officers.GetAsync())).Value ?? [];
        }
        if (Refusal is null)
        {
            Input = new() { Version = request.Version ?? 0 };
        }
        else
        {
            // The officer acts on what they now see: the form carries the current version, their text is kept.
            Input.Version = request.Version ?? 0;
            Refusal.AddFieldErrorsTo(ModelState);
        }
        return Page();
    }
}
