using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// Identity always comes from the token, and the server owns ids, states, versions, fees and times: no request body
/// type has a member for them, and a body that sends them anyway (a mass-assignment attempt) changes nothing.
/// </summary>
public sealed class BodyBindingTests(AppFixture app)
{
    /// <summary>Members a body must never carry: who acts, and what only the server decides.</summary>
    private static readonly string[] ServerOwned =
    [
        "Actor", "By", "Subject", "Sub", "Role", "Roles", "Department", "NationalId", "ApplicantId", "Applicant", "CitizenId", "PayerId",
        "UserId", "OfficerNationalId", "RequestedBy", "ApprovedBy", "SubmittedBy", "AssignedTo", "Id", "RequestId", "PaymentId", "RefundId",
        "Status", "Version", "Fee", "AssessedFee", "Captured", "Refunded", "Refundable", "At", "SubmittedAt", "RecordedAt", "CapturedAt", "DueDate",
    ];

    /// <summary>Where such a member is the point of the route, not the caller's identity; each with its reason.</summary>
    private static readonly Dictionary<string, string> Exempt = new()
    {
        ["EnrollOfficerBody.NationalId"] = "an admin enrols another person: their ID, kept so they never handle their own requests",
        ["EnrollOfficerBody.Role"] = "the roster role the admin gives the officer, not the caller's",
        ["DevelopmentTokenRequest.Subject"] = "Development and Testing only: minting an identity is what the route is for",
        ["DevelopmentTokenRequest.Role"] = "as above",
        ["DevelopmentTokenRequest.Department"] = "as above",
        ["DevelopmentTokenRequest.NationalId"] = "as above",
        ["WebhookDelivery.Id"] = "the provider's event id, authenticated by its HMAC signature",
    };

    [Fact]
    public void No_request_body_type_has_a_member_for_identity_or_server_owned_fields()
    {
        var bodies = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("sandbox/", StringComparison.Ordinal))
            .Select(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)
            .OfType<Type>()
            .Where(t => t != typeof(string) && t.Namespace?.StartsWith("MyGovernment", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();
        bodies.Count.ShouldBeGreaterThan(20, "the endpoint data source should expose the body type of every command route");

        var offending = bodies
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{t.Name}.{p.Name}"))
            .Where(member => ServerOwned.Contains(member.Split('.')[1], StringComparer.OrdinalIgnoreCase) && !Exempt.ContainsKey(member))
            .ToList();
        offending.ShouldBeEmpty("a body may not name the caller or a server-owned field; take it from the token or the server");
    }

    [Fact]
    public async Task A_submit_that_sends_identity_and_server_fields_gets_the_token_identity_and_server_values()
    {
        var nationalId = Citizens.NewNationalId();
        var victim = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-binding-" + Guid.NewGuid().ToString("N")[..8], Roles.Citizen, nationalId: nationalId);
        var forcedId = Guid.NewGuid();

        var result = await app.Host.Scenario(s =>
        {
            s.As(token).Post.Json(new
            {
                serviceCode = "BUILDING-PERMIT",
                form = new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240" },
                id = forcedId, requestId = forcedId, applicantId = victim, nationalId = victim, subject = "someone-else", role = "admin",
                department = "MOLG", status = "Approved", version = 42, fee = new { amount = 0, currency = "ILS" },
                assessedFee = new { amount = 0, currency = "ILS" }, submittedAt = "2001-01-01T00:00:00Z",
                actor = new { subject = "someone-else", role = "admin", nationalId = victim },
            }).ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(201);
        });
        var requestId = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("requestId").GetGuid();
        requestId.ShouldNotBe(forcedId);

        var details = (await (await app.Host.Scenario(s => s.As(token).Get.Url($"/api/service-requests/{requestId}")))
            .ReadAsJsonAsync<ServiceRequestDetails>())!;
        details.ApplicantId.ShouldBe(nationalId);
        details.Status.ToString().ShouldBe("AwaitingPayment");
        details.Version.ShouldBeLessThan(42);
        details.SubmittedAt.Year.ShouldBeGreaterThan(2001);
        // The building permit's fee, assessed by the server from the catalog.
        JsonSerializer.Serialize(details).ShouldContain("650");

        // The would-be victim sees nothing of it.
        var victimToken = app.TokenFor("citizen-victim-" + Guid.NewGuid().ToString("N")[..8], Roles.Citizen, nationalId: victim);
        using var client = app.Host.Server.CreateClient();
        using var message = SecurityWorld.Message("GET", $"/api/service-requests/{requestId}", victimToken);
        (await client.SendAsync(message, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_command_that_names_another_actor_in_its_body_is_recorded_as_the_token_holder()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Diploma" });

        await request.SendAsync(request.CitizenToken, "withdraw", new
        {
            reason = "Found a job",
            by = new { subject = "officer-framed", role = "officer", department = "MOL" },
            actor = new { subject = "officer-framed", role = "officer" },
            subject = "officer-framed", role = "officer", department = "MOL", status = "Approved",
        });

        var timeline = await app.Host.Scenario(s => s.As(request.CitizenToken).Get.Url($"{request.Url}/timeline"));
        var text = await timeline.ReadAsTextAsync();
        text.ShouldNotContain("officer-framed");
        text.ShouldContain("citizen-" + request.CitizenId);
        (await request.ReadAsync()).Status.ToString().ShouldBe("Withdrawn");
    }
}
