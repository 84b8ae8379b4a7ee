using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using MyGovernment.Api.Identity;
using MyGovernment.Client;
using MyGovernment.Client.Models;
using Shouldly;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>
/// The department's side of a citizen journey, through the engine's typed client (the staff pages are tested on
/// their own): claim, ask the applicant, approve and issue.
/// </summary>
public sealed class Officer(PortalHost host, string department)
{
    private readonly MyGovernmentApiClient _client = ClientFor(host,
        host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint($"officer-{department}-{Guid.NewGuid():N}", "officer", department, null));

    /// <summary>Waits (bounded) until the request is in this status: the engine's cascades are asynchronous.</summary>
    public async Task<ServiceRequestDetails> WaitForAsync(Guid id, ServiceRequestStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var details = (await _client.Api.ServiceRequests[id].GetAsync())!;
            if (details.Status == status)
            {
                return details;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"request {id} stayed {details.Status}, expected {status}");
            await Task.Delay(100);
        }
    }

    public async Task ClaimAsync(Guid id)
    {
        var details = await WaitForAsync(id, ServiceRequestStatus.InReview);
        if (details.AssignedTo is null)
        {
            await _client.Api.ServiceRequests[id].Claim.PostAsync(new ClaimServiceRequestBody { ExpectedVersion = details.Version });
        }
    }

    public async Task AskAsync(Guid id, string message)
    {
        var details = (await _client.Api.ServiceRequests[id].GetAsync())!;
        await _client.Api.ServiceRequests[id].InformationRequests.PostAsync(
            new RequestApplicantInformationBody { Message = message, ExpectedVersion = details.Version });
    }

    public async Task ApproveAndIssueAsync(Guid id)
    {
        var details = await WaitForAsync(id, ServiceRequestStatus.InReview);
        var changed = await _client.Api.ServiceRequests[id].Decision.Propose.PostAsync(
            new ProposeDecisionBody { Outcome = DecisionOutcome.Approve, Note = "All requirements met", ExpectedVersion = details.Version });
        await _client.Api.ServiceRequests[id].Issue.PostAsync(new IssueDocumentBody { ExpectedVersion = changed!.Version });
    }

    /// <summary>A request of another citizen, submitted through the engine: what a stranger must not see.</summary>
    public static Task<Guid> SubmitForAnotherCitizenAsync(PortalHost host) => SubmitForCitizenAsync(host, PortalPages.NewNationalId());

    /// <summary>A birth certificate request of this citizen, submitted through the engine.</summary>
    public static async Task<Guid> SubmitForCitizenAsync(PortalHost host, string nationalId)
    {
        var client = ClientFor(host, host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint($"citizen-{nationalId}", "citizen", null, nationalId));
        var form = new SubmitServiceRequestBody_form();
        form.AdditionalData["personNationalId"] = nationalId;
        var submitted = await client.Api.ServiceRequests.PostAsync(new SubmitServiceRequestBody { ServiceCode = "BIRTH-CERT", Form = form });
        return submitted!.RequestId!.Value;
    }

    private static MyGovernmentApiClient ClientFor(PortalHost host, string token) =>
        new(new HttpClientRequestAdapter(new BearerToken(token)) { BaseUrl = host.BaseUrl });

    private sealed class BearerToken(string token) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(Microsoft.Kiota.Abstractions.RequestInformation request,
            Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            request.Headers.TryAdd("Authorization", "Bearer " + token);
            return Task.CompletedTask;
        }
    }
}
