using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Shared;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Citizen;

/// <summary>
/// One of the citizen's requests: status, holder, expected date, what is awaited (with the answer form), the fee and
/// the pay button, receipts, the issued document's verification code and the timeline. Someone else's request is
/// "not found": the engine answers 404 and so do we.
/// </summary>
[Authorize(Policy = PortalAuth.Citizen)]
public sealed class RequestModel(PortalApi api) : PageModel
{
    public ServiceRequestDetails Details { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<PaymentDetails> Payments { get; private set; } = [];
    public IReadOnlyDictionary<string, LocalizedText> Departments { get; private set; } = new Dictionary<string, LocalizedText>();

    [BindProperty] public string? Answer { get; set; }

    public bool CanPay => Details.Status == ServiceRequestStatus.AwaitingPayment;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Starts a card payment and sends the citizen to the provider's hosted page.</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var session = await api.Client.Api.ServiceRequests[id].PaymentSessions.PostAsync(
                new StartPaymentSessionBody { Channel = PaymentChannel.Card }, cancellationToken: cancellationToken);
            if (session?.RedirectUrl is { Length: > 0 } redirect)
            {
                return Redirect(redirect);
            }
            ModelState.AddModelError("", session?.Error ?? "");
        }
        catch (MyGovernment.Client.Models.ProblemDetails problem) when (problem.ResponseStatusCode is not 404)
        {
            EngineErrors.AddTo(ModelState, problem);
        }
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Answers the open information request.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Details.AwaitedFromApplicant?.Id is not { } informationRequest)
        {
            return Redirect($"/me/requests/{id}");
        }
        try
        {
            await api.Client.Api.ServiceRequests[id].InformationRequests[informationRequest].Response.PostAsync(
                new RespondToInformationRequestBody { Message = Answer, ExpectedVersion = Details.Version }, cancellationToken: cancellationToken);
            return Redirect($"/me/requests/{id}");
        }
        catch (MyGovernment.Client.Models.ValidationProblemDetails problem)
        {
            EngineErrors.AddTo(ModelState, problem);
        }
        catch (MyGovernment.Client.Models.ProblemDetails problem)
        {
            EngineErrors.AddTo(ModelState, problem);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await PortalApi.FindAsync(() => api.Client.Api.ServiceRequests[id].GetAsync(cancellationToken: cancellationToken));
        if (request is null)
        {
            return false;
        }
        Details = request;
        var timeline = api.Client.Api.ServiceRequests[id].Timeline.GetAsync(cancellationToken: cancellationToken);
        var payments = api.Client.Api.Me.Payments.GetAsync(c => c.QueryParameters.Limit = 100, cancellationToken);
        var departments = api.Client.Api.Departments.GetAsync(cancellationToken: cancellationToken);
        Timeline = await timeline ?? [];
        Payments = (await payments)?.Items?.Where(p => p.RequestId == id).ToList() ?? [];
        Departments = (await departments ?? []).Where(d => d.Code is not null && d.Name is not null).ToDictionary(d => d.Code!, d => d.Name!);
        return true;
    }

    public string DepartmentName(string? code, Language l) =>
        code is not null && Departments.TryGetValue(code, out var name) ? l.Pick(name) : code ?? "—";
}
