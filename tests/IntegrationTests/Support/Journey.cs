using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Alba;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>Drives one service request through the HTTP API as its actors would, tracking the version (ETag) it last saw.</summary>
/// <param name="citizenId">The applicant; a new citizen when null (pass one to give a citizen a second request).</param>
/// <param name="clientId">The client app the citizen's token was issued to (the app submits the request), if any.</param>
public sealed class Journey(AppFixture app, string serviceCode, string? citizenId = null, string? clientId = null)
{
    public string CitizenId { get; } = citizenId ?? Citizens.NewNationalId();

    public string CitizenToken => app.TokenFor("citizen-" + CitizenId, Roles.Citizen, nationalId: CitizenId, clientId: clientId);

    public Guid Id { get; private set; }

    public long Version { get; private set; }

    public string Url => $"/api/service-requests/{Id}";

    public static string Officer(AppFixture app, string subject, string department, string role = Roles.Officer) =>
        app.TokenFor(subject, role, department, Citizens.NewNationalId());

    /// <summary>
    /// A commercial registration with its documents supplied and its fee paid, claimed by a maker of MNE and proposed
    /// for approval: it awaits a checker (the service needs a second approver).
    /// </summary>
    public static async Task<Journey> AwaitingApprovalAsync(AppFixture app, string tradeName)
    {
        var company = await new Journey(app, "COMMERCIAL-REGISTRATION").SubmitAsync(new { tradeName, capitalIls = "50000", activity = "Olive oil pressing" });
        await company.SupplyDocumentsAsync(app);
        await company.SendAsync(app.TokenFor("finance-c", Roles.Finance, "TREASURY"), "payments", new { paymentReference = "PAY-" + company.Id, amount = 350m });
        var maker = Officer(app, "mne-maker-" + company.Id, "MNE");
        await company.SendAsync(maker, "claim");
        await company.SendAsync(maker, "decision/propose", new { outcome = "Approve", note = "Documents complete" });
        return company;
    }

    public async Task<Journey> SubmitAsync(object form)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(CitizenToken).Post.Json(new { serviceCode, form }).ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(201);
        });
        var created = await result.ReadAsJsonAsync<ServiceRequestSubmittedResponse>();
        Id = created!.RequestId;
        await ReadAsync();
        return this;
    }

    public async Task<ServiceRequestChanged> SendAsync(string token, string action, object? body = null, int expectedStatus = 200)
    {
        var payload = Merge(body);
        var result = await app.Host.Scenario(s =>
        {
            s.As(token).Post.Json(payload).ToUrl($"{Url}/{action}");
            s.StatusCodeShouldBe(expectedStatus);
        });
        if (expectedStatus is 200)
        {
            var changed = await result.ReadAsJsonAsync<ServiceRequestChanged>();
            Version = changed!.Version;
            return changed;
        }
        return null!;
    }

    /// <summary>Sends a command and waits until the work it cascades (automatic assignment, follow-ups) has finished.</summary>
    public async Task<ServiceRequestChanged> SendAndSettleAsync(string token, string action, object? body = null)
    {
        var changed = await SendAsync(token, action, body);
        await DurableInbox.DrainedAsync(app, Id);
        await ReadAsync();
        return changed;
    }

    /// <summary>Sends a command that must be refused with this status and problem code; checks nothing was appended.</summary>
    public async Task RefusedAsync(string token, string action, object? body, int status, string code)
    {
        var before = Version;
        var result = await app.Host.Scenario(s =>
        {
            s.As(token).Post.Json(Merge(body)).ToUrl($"{Url}/{action}");
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = await result.ReadAsJsonAsync<Problem>();
        problem!.Code.ShouldBe(code);
        (await ReadAsync()).Version.ShouldBe(before);
    }

    public async Task<ServiceRequestDetails> ReadAsync(string? token = null)
    {
        var result = await app.Host.Scenario(s => s.As(token ?? app.TokenFor("auditor-journey", Roles.Auditor)).Get.Url(Url));
        var details = await result.ReadAsJsonAsync<ServiceRequestDetails>();
        Version = details!.Version;
        return details;
    }

    /// <summary>The body plus the version this journey last saw, unless the body names one itself.</summary>
    private JsonObject Merge(object? body)
    {
        var payload = body is null ? [] : (JsonObject)JsonSerializer.SerializeToNode(body, Web)!;
        if (!payload.ContainsKey("expectedVersion"))
        {
            payload["expectedVersion"] = Version;
        }
        return payload;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record Problem(int Status, string? Code, string? Detail);
}
