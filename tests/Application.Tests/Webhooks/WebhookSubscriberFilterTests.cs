using JasperFx.Events.Projections;
using MyGovernment.Application.Webhooks;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using Wolverine.Marten.Subscriptions;

namespace MyGovernment.Application.Tests.Webhooks;

/// <summary>
/// The webhooks subscriber asks the event store only for the events a notice can come from (issue 16, part L); the
/// delivery tests would still pass if it read every event again, so the filter itself is pinned here.
/// </summary>
public sealed class WebhookSubscriberFilterTests
{
    [Fact]
    public void It_reads_status_changes_and_payment_successes_only()
    {
        var filter = new RecordedFilter();
        ((IWolverineSubscription)new WebhookSubscriber()).Filter(filter);
        var included = filter.Types;
        included.ShouldBe([.. ServiceRequest.StatusChangingEvents, typeof(PaymentSucceeded)], ignoreOrder: true);
        included.ShouldNotContain(typeof(RequestAssigned));
        included.ShouldNotContain(typeof(SlaClockStarted));
    }

    /// <summary>What a subscription hands the event store as its filter (Wolverine passes it on to Marten's daemon).</summary>
    private sealed class RecordedFilter : IEventFilterable
    {
        public List<Type> Types { get; } = [];

        public bool IncludeArchivedEvents { get; set; }

        public void IncludeType<T>() => Types.Add(typeof(T));

        public void IncludeType(Type type) => Types.Add(type);

        public void FilterIncomingEventsOnStreamType(Type streamType) => throw new InvalidOperationException("not expected");
    }
}
