using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Idempotency;
using MyGovernment.IntegrationTests.Catalog;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.Idempotency;

public sealed class IdempotencyTests(AppFixture app)
{
    private static readonly object JobseekerForm = new { serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification = "Diploma" } };

    [Fact]
    public async Task Repeating_a_submit_with_the_same_key_replays_the_first_response_and_submits_once()
    {
        var citizen = new Caller(app);
        var key = NewKey();

        var first = await SendAsync(citizen.Token, "/api/service-requests", JobseekerForm, key);
        var repeat = await SendAsync(citizen.Token, "/api/service-requests", JobseekerForm, key);

        first.Status.ShouldBe(201);
        repeat.ShouldBeReplayOf(first);
        first.Location.ShouldNotBeNullOrEmpty();
        (await RequestsOf(citizen.NationalId)).ShouldBe(1);
    }

    [Fact]
    public async Task Repeating_a_command_replays_its_status_ETag_and_body_and_appends_no_event()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Diploma" });
        var body = new { expectedVersion = request.Version, reason = "Found a job" };
        var key = NewKey();

        var first = await SendAsync(request.CitizenToken, $"{request.Url}/withdraw", body, key);
        var versionAfterFirst = await StreamVersionAsync(request.Id);
        var repeat = await SendAsync(request.CitizenToken, $"{request.Url}/withdraw", body, key);

        first.Status.ShouldBe(200);
        first.ETag.ShouldBe($"\"{request.Version + 1}\"");
        repeat.ShouldBeReplayOf(first);
        (await StreamVersionAsync(request.Id)).ShouldBe(versionAfterFirst);
    }

    [Fact]
    public async Task Repeating_a_catalog_command_replays_its_Location_and_body()
    {
        var admin = app.AdminToken();
        var key = NewKey();
        var body = new { code = CatalogAdmin.NewCode("I"), nameAr = "دائرة", nameEn = "Idempotent Directorate" };

        var first = await SendAsync(admin, "/api/admin/departments", body, key);
        var repeat = await SendAsync(admin, "/api/admin/departments", body, key);

        first.Status.ShouldBe(201);
        repeat.ShouldBeReplayOf(first);
        // Without the key the same body runs again, and the catalog refuses the duplicate.
        (await SendAsync(admin, "/api/admin/departments", body, key: null)).Status.ShouldBe(409);
    }

    [Fact]
    public async Task Reusing_a_key_with_a_different_body_or_route_is_422_and_runs_nothing()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Diploma" });
        var key = NewKey();
        var first = await SendAsync(request.CitizenToken, $"{request.Url}/withdraw", new { expectedVersion = request.Version, reason = "Found a job" }, key);
        first.Status.ShouldBe(200);
        var version = await StreamVersionAsync(request.Id);

        var changedBody = await SendAsync(request.CitizenToken, $"{request.Url}/withdraw", new { expectedVersion = request.Version, reason = "Moved abroad" }, key);
        var otherRoute = await SendAsync(request.CitizenToken, "/api/service-requests", JobseekerForm, key);

        foreach (var refused in new[] { changedBody, otherRoute })
        {
            refused.Status.ShouldBe(422);
            refused.ContentType.ShouldBe("application/problem+json");
            refused.Body.ShouldContain("\"code\":\"idempotency_key_reused\"");
        }
        (await StreamVersionAsync(request.Id)).ShouldBe(version);
        (await RequestsOf(request.CitizenId)).ShouldBe(1);
    }

    [Fact]
    public async Task Ten_concurrent_submits_with_one_key_submit_once_and_the_rest_replay_or_get_409()
    {
        var citizen = new Caller(app);
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(citizen.Token, "/api/service-requests", JobseekerForm, key)));

        responses.ShouldAllBe(r => r.Status == 201 || r.Status == 409);
        var created = responses.Where(r => r.Status == 201).ToList();
        created.ShouldNotBeEmpty();
        created.Select(r => r.Body).Distinct().Count().ShouldBe(1);
        created.Select(r => r.Location).Distinct().Count().ShouldBe(1);
        responses.Where(r => r.Status == 409).ShouldAllBe(r => r.Body.Contains("\"code\":\"idempotency_in_flight\""));
        (await RequestsOf(citizen.NationalId)).ShouldBe(1);
    }

    [Fact]
    public async Task Ten_concurrent_commands_with_one_key_append_once()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Diploma" });
        var body = new { expectedVersion = request.Version, reason = "Found a job" };
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(request.CitizenToken, $"{request.Url}/withdraw", body, key)));

        responses.ShouldAllBe(r => r.Status == 200 || r.Status == 409);
        responses.Where(r => r.Status == 200).Select(r => (r.ETag, r.Body)).Distinct().Count().ShouldBe(1);
        (await StreamVersionAsync(request.Id)).ShouldBe(request.Version + 1);
    }

    [Fact]
    public async Task Two_callers_may_use_the_same_key_independently()
    {
        var key = NewKey();
        var one = new Caller(app);
        var other = new Caller(app);

        var first = await SendAsync(one.Token, "/api/service-requests", JobseekerForm, key);
        var second = await SendAsync(other.Token, "/api/service-requests", JobseekerForm, key);

        first.Status.ShouldBe(201);
        second.Status.ShouldBe(201);
        second.Replayed.ShouldBeFalse();
        second.Location.ShouldNotBe(first.Location);
        (await RequestsOf(one.NationalId)).ShouldBe(1);
        (await RequestsOf(other.NationalId)).ShouldBe(1);
    }

    [Fact]
    public async Task An_expired_record_is_not_replayed_and_the_purge_deletes_it()
    {
        var citizen = new Caller(app);
        var key = NewKey();
        var first = await SendAsync(citizen.Token, "/api/service-requests", JobseekerForm, key);
        var firstId = first.Location!.Split('/')[^1];
        await SendAsync(citizen.Token, $"/api/service-requests/{firstId}/withdraw", new { expectedVersion = 1, reason = "Typo" }, key: null);
        var recordId = IdempotentCommand.ScopedId(citizen.Subject, key);
        (await LoadRecordAsync(recordId))!.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(71));

        await ExpireAsync(recordId);
        var afterExpiry = await SendAsync(citizen.Token, "/api/service-requests", JobseekerForm, key);

        afterExpiry.Status.ShouldBe(201);
        afterExpiry.Replayed.ShouldBeFalse();
        afterExpiry.Location.ShouldNotBe(first.Location);
        (await RequestsOf(citizen.NationalId)).ShouldBe(2);
        // The new execution replaced the expired record in its own transaction, so the key now replays the new response.
        (await SendAsync(citizen.Token, "/api/service-requests", JobseekerForm, key)).ShouldBeReplayOf(afterExpiry);

        await ExpireAsync(recordId);
        await app.Host.Services.GetServices<IHostedService>().OfType<IdempotencyPurge>().Single().PurgeAsync(TestContext.Current.CancellationToken);
        (await LoadRecordAsync(recordId)).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("clé-non-ascii")]
    [InlineData("control\u0001char")]
    [InlineData("a-key-that-is-one-character-too-long-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789")]
    public async Task An_invalid_key_is_400_and_runs_nothing(string key)
    {
        var citizen = new Caller(app);

        var response = await SendAsync(citizen.Token, "/api/service-requests", JobseekerForm, key);

        response.Status.ShouldBe(400);
        response.Body.ShouldContain("Idempotency-Key");
        (await RequestsOf(citizen.NationalId)).ShouldBe(0);
    }

    [Theory]
    [InlineData("k")]
    [InlineData("a-key-of-exactly-one-hundred-characters-0123456789-0123456789-0123456789-0123456789-0123456789-01234")]
    public async Task Keys_of_one_to_a_hundred_printable_characters_are_accepted(string key)
    {
        key.Length.ShouldBeInRange(1, IdempotencyKeyMiddleware.MaxLength);
        var citizen = new Caller(app);

        (await SendAsync(citizen.Token, "/api/service-requests", JobseekerForm, key)).Status.ShouldBe(201);
        (await SendAsync(citizen.Token, "/api/service-requests", JobseekerForm, key)).Replayed.ShouldBeTrue();
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private async Task<Reply> SendAsync(string token, string url, object body, string? key)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(token).Post.Json(body).ToUrl(url);
            if (key is not null)
            {
                s.WithRequestHeader("Idempotency-Key", key);
            }
            s.IgnoreStatusCode();
        });
        var headers = result.Context.Response.Headers;
        return new Reply(
            result.Context.Response.StatusCode,
            headers.Location.ToString() is { Length: > 0 } location ? location : null,
            headers.ETag.ToString(),
            result.Context.Response.ContentType,
            headers[IdempotentCommand.ReplayedHeader] == "true",
            await result.ReadAsTextAsync());
    }

    private async Task<long> StreamVersionAsync(Guid id)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id, TestContext.Current.CancellationToken))!.Version;
    }

    private async Task<int> RequestsOf(string applicantId)
    {
        await using var session = app.Store.QuerySession();
        return await session.Query<ServiceRequestDetails>().CountAsync(d => d.ApplicantId == applicantId, TestContext.Current.CancellationToken);
    }

    private async Task<IdempotencyRecord?> LoadRecordAsync(string id)
    {
        await using var session = app.Store.QuerySession();
        return await session.LoadAsync<IdempotencyRecord>(id, TestContext.Current.CancellationToken);
    }

    private async Task ExpireAsync(string id)
    {
        var record = (await LoadRecordAsync(id))!;
        await using var session = app.Store.LightweightSession();
        session.Store(record with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private sealed class Caller(AppFixture app)
    {
        public string NationalId { get; } = Citizens.NewNationalId();

        public string Subject => "citizen-" + NationalId;

        public string Token => app.TokenFor(Subject, Roles.Citizen, nationalId: NationalId);
    }

    private sealed record Reply(int Status, string? Location, string ETag, string? ContentType, bool Replayed, string Body)
    {
        public void ShouldBeReplayOf(Reply first)
        {
            Status.ShouldBe(first.Status);
            Location.ShouldBe(first.Location);
            ETag.ShouldBe(first.ETag);
            Body.ShouldBe(first.Body);
            first.Replayed.ShouldBeFalse();
            Replayed.ShouldBeTrue();
        }
    }
}
