using Marten;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Idempotency;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;
using Wolverine;

namespace MyGovernment.IntegrationTests.Idempotency;

/// <summary>
/// The record and the events commit in one transaction. Driven through the bus, below the API's in-process
/// in-flight guard, as duplicates arriving at two different API nodes would be: each run submits a new request
/// stream, so only the record's primary key can stop the second one.
/// </summary>
public sealed class IdempotencyTransactionTests(AppFixture app)
{
    private IMessageBus Bus => app.Host.Services.GetRequiredService<IMessageBus>();

    [Fact]
    public async Task A_command_whose_key_is_already_recorded_fails_at_commit_and_leaves_no_events()
    {
        var applicant = Citizens.NewNationalId();
        var options = KeyedDelivery();
        var first = Submit(applicant);
        await Bus.InvokeAsync<ServiceRequestSubmittedResponse>(first, options, TestContext.Current.CancellationToken);

        // A different applicant, so no business rule refuses it: only the record can.
        var duplicate = Submit(Citizens.NewNationalId());
        var refused = await Should.ThrowAsync<Exception>(() =>
            Bus.InvokeAsync<ServiceRequestSubmittedResponse>(duplicate, options, TestContext.Current.CancellationToken));
        IdempotencyPolicy.IsRecordedAlready(refused).ShouldBeTrue(refused.ToString());

        await using var session = app.Store.QuerySession();
        (await session.Events.FetchStreamStateAsync(first.RequestId, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        (await session.Events.FetchStreamStateAsync(duplicate.RequestId, TestContext.Current.CancellationToken)).ShouldBeNull();
        var record = await session.LoadAsync<IdempotencyRecord>(options.Headers[IdempotencyRecord.IdHeader]!, TestContext.Current.CancellationToken);
        record!.Response<ServiceRequestSubmittedResponse>().RequestId.ShouldBe(first.RequestId);
    }

    [Fact]
    public async Task Concurrent_duplicates_on_different_nodes_commit_exactly_one_stream()
    {
        var options = KeyedDelivery();
        var commands = Enumerable.Range(0, 5).Select(_ => Submit(Citizens.NewNationalId())).ToList();

        var outcomes = await Task.WhenAll(commands.Select(async c =>
        {
            try
            {
                await Bus.InvokeAsync<ServiceRequestSubmittedResponse>(c, options, TestContext.Current.CancellationToken);
                return true;
            }
            catch (Exception e) when (IdempotencyPolicy.IsRecordedAlready(e))
            {
                return false;
            }
        }));

        outcomes.Count(won => won).ShouldBe(1);
        await using var session = app.Store.QuerySession();
        var ids = commands.Select(c => c.RequestId).ToList();
        (await session.Query<ServiceRequestDetails>().CountAsync(d => ids.Contains(d.Id), TestContext.Current.CancellationToken)).ShouldBe(1);
        (await session.LoadAsync<IdempotencyRecord>(options.Headers[IdempotencyRecord.IdHeader]!, TestContext.Current.CancellationToken))
            !.Response<ServiceRequestSubmittedResponse>().RequestId.ShouldBe(commands[Array.IndexOf(outcomes, true)].RequestId);
    }

    private static DeliveryOptions KeyedDelivery()
    {
        var options = new DeliveryOptions();
        options.Headers[IdempotencyRecord.IdHeader] = "test-" + Guid.NewGuid().ToString("N");
        options.Headers[IdempotencyRecord.RequestHashHeader] = "same-request";
        return options;
    }

    private static SubmitServiceRequest Submit(string applicant) => new(
        Guid.CreateVersion7(), "JOBSEEKER-REGISTRATION", applicant, new Actor("citizen-" + applicant, "citizen", null, applicant),
        SubmissionChannel.Online, new Dictionary<string, string?> { ["qualification"] = "Diploma" });
}
