using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using MyGovernment.Api.Identity;
using MyGovernment.Client.Models;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Client;

/// <summary>
/// The typed client generated from docs/openapi.json does what a citizen app needs: idempotent submits, reads with
/// their ETag, conditional commands with If-Match, keyset pages, and problems as typed exceptions carrying the code.
/// </summary>
public sealed class GeneratedClientTests(AppFixture app)
{
    private const string Service = "JOBSEEKER-REGISTRATION";

    [Fact]
    public async Task A_citizen_submits_idempotently_reads_the_ETag_withdraws_with_If_Match_and_gets_a_typed_problem()
    {
        var nationalId = Citizens.NewNationalId();
        var client = GeneratedClient.For(app, app.TokenFor("citizen-" + nationalId, Roles.Citizen, nationalId: nationalId));
        var key = Guid.NewGuid().ToString("N");

        var first = await client.Api.ServiceRequests.PostAsync(Submission(), c => c.Headers.Add("Idempotency-Key", key), TestContext.Current.CancellationToken);
        var replay = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var repeat = await client.Api.ServiceRequests.PostAsync(Submission(), c =>
        {
            c.Headers.Add("Idempotency-Key", key);
            c.Options.Add(replay);
        }, TestContext.Current.CancellationToken);

        var id = first!.RequestId!.Value;
        repeat!.RequestId.ShouldBe(id);
        replay.ResponseHeaders["Idempotent-Replayed"].ShouldBe(["true"]);

        var read = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var details = await client.Api.ServiceRequests[id].GetAsync(c => c.Options.Add(read), TestContext.Current.CancellationToken);
        details!.ServiceCode.ShouldBe(Service);
        var etag = read.ResponseHeaders["ETag"].Single();

        var withdrawn = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        await client.Api.ServiceRequests[id].Withdraw.PostAsync(new WithdrawServiceRequestBody { Reason = "Found a job" }, c =>
        {
            c.Headers.Add("If-Match", etag);
            c.Options.Add(withdrawn);
        }, TestContext.Current.CancellationToken);
        withdrawn.ResponseHeaders["ETag"].Single().ShouldNotBe(etag);

        // The ETag read before the withdrawal is stale now: the answer is a typed problem with its catalogue code.
        var stale = await Should.ThrowAsync<ProblemDetails>(() => client.Api.ServiceRequests[id].Withdraw.PostAsync(
            new WithdrawServiceRequestBody { Reason = "Again" }, c => c.Headers.Add("If-Match", etag), TestContext.Current.CancellationToken));
        stale.ResponseStatusCode.ShouldBe(412);
        stale.Code.ShouldBe("stale_version");
        stale.Type.ShouldEndWith("/errors/stale_version");
    }

    [Fact]
    public async Task A_citizen_follows_next_into_after_through_every_page_of_their_requests()
    {
        var nationalId = Citizens.NewNationalId();
        var client = GeneratedClient.For(app, app.TokenFor("citizen-" + nationalId, Roles.Citizen, nationalId: nationalId));
        var submitted = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            submitted.Add((await client.Api.ServiceRequests.PostAsync(Submission(), cancellationToken: TestContext.Current.CancellationToken))!.RequestId!.Value);
        }

        var seen = new List<Guid>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await client.Api.Me.Requests.GetAsync(c =>
            {
                c.QueryParameters.Limit = 2;
                c.QueryParameters.After = after;
            }, TestContext.Current.CancellationToken);
            seen.AddRange(page!.Items!.Select(r => r.Id!.Value));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        pages.ShouldBe(2);
        seen.ShouldBe(submitted, ignoreOrder: true);
    }

    [Fact]
    public async Task A_refused_body_is_a_typed_validation_problem_with_the_field_errors()
    {
        var nationalId = Citizens.NewNationalId();
        var client = GeneratedClient.For(app, app.TokenFor("citizen-" + nationalId, Roles.Citizen, nationalId: nationalId));

        var problem = await Should.ThrowAsync<ValidationProblemDetails>(() => client.Api.ServiceRequests.PostAsync(
            new SubmitServiceRequestBody { ServiceCode = "", Form = new() }, cancellationToken: TestContext.Current.CancellationToken));

        problem.ResponseStatusCode.ShouldBe(400);
        problem.Code.ShouldNotBeNullOrWhiteSpace();
        problem.Errors!.AdditionalData.Keys.ShouldNotBeEmpty();
    }

    private static SubmitServiceRequestBody Submission() => new()
    {
        ServiceCode = Service,
        Form = new SubmitServiceRequestBody_form { AdditionalData = new Dictionary<string, object> { ["qualification"] = "Diploma" } },
    };
}
