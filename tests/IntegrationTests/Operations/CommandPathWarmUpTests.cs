using Marten;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Idempotency;
using MyGovernment.Application.Operations;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.Operations;

public sealed class CommandPathWarmUpTests(AppFixture app)
{
    [Fact]
    public async Task The_warm_up_runs_a_submission_up_to_its_commit_and_leaves_no_request_and_no_record_behind()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var warmUp = ActivatorUtilities.CreateInstance<CommandPathWarmUp>(scope.ServiceProvider);

        (await warmUp.RunAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await warmUp.RunAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();

        await using var session = app.Store.QuerySession();
        (await session.Query<ServiceRequestDetails>().CountAsync(r => r.ApplicantId == CommandPathWarmUp.Applicant, TestContext.Current.CancellationToken)).ShouldBe(0);
        (await session.Query<IdempotencyRecord>().CountAsync(r => r.Id.StartsWith("warm-up-"), TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}
