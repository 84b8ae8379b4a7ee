using System.Net;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

public sealed class ConcurrentApprovalTests(AppFixture app)
{
    [Fact]
    public async Task Fifty_concurrent_approvals_of_one_request_let_exactly_one_win_and_the_rest_get_409()
    {
        var company = await Journey.AwaitingApprovalAsync(app, "Nablus Olive Press Co.");
        var version = company.Version;

        var checkers = Enumerable.Range(0, 50).Select(i => Journey.Officer(app, $"mne-checker-{i}-{company.Id}", "MNE", Roles.Supervisor)).ToList();
        var statuses = await Task.WhenAll(checkers.Select(async token =>
        {
            var result = await app.Host.Scenario(s =>
            {
                s.As(token).Post.Json(new { expectedVersion = version, note = "ok" }).ToUrl($"{company.Url}/decision/confirm");
                s.IgnoreStatusCode();
            });
            var status = (HttpStatusCode)result.Context.Response.StatusCode;
            if (status == HttpStatusCode.Conflict)
            {
                // A lost race is a problem+json naming the conflict, like every other refusal.
                result.Context.Response.ContentType.ShouldBe("application/problem+json");
                result.ReadAsText().ShouldContain("\"code\":\"concurrency_conflict\"");
            }
            return status;
        }));

        var summary = string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}x{g.Count()}"));
        statuses.ShouldNotContain(s => (int)s >= 500, summary);
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, summary);
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(49, summary);
        var approved = await company.ReadAsync();
        approved.Status.ShouldBe(ServiceRequestStatus.Approved);
        approved.Version.ShouldBe(version + 1);
    }
}
