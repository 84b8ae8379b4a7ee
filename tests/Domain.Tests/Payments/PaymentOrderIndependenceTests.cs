using CsCheck;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Tests.ServiceRequests;
using Shouldly;

namespace MyGovernment.Domain.Tests.PaymentStreams;

/// <summary>
/// Providers deliver late, twice and out of order. For random permutations of duplicated provider events, the
/// payment must end in the same state with exactly one capture, and contradictions are recorded, never obeyed.
/// </summary>
public sealed class PaymentOrderIndependenceTests
{
    public sealed record Delivery(string EventId, ProviderPaymentStatus Status)
    {
        public override string ToString() => $"{EventId}:{Status}";
    }

    private static readonly DateTimeOffset At = History.Jan(8, 11);

    /// <summary>One authorisation and one or two captures (distinct event ids), each delivered one to three times, shuffled.</summary>
    private static readonly Gen<Delivery[]> SuccessDeliveries =
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 3], Gen.Bool)
            .SelectMany(t =>
            {
                var (authorisedCopies, capturedCopies, secondCaptureCopies, withAuthorisation) = t;
                var deliveries = new List<Delivery>();
                if (withAuthorisation)
                {
                    deliveries.AddRange(Enumerable.Repeat(new Delivery("evt_a", ProviderPaymentStatus.Authorised), authorisedCopies));
                }
                deliveries.AddRange(Enumerable.Repeat(new Delivery("evt_s", ProviderPaymentStatus.Succeeded), capturedCopies));
                deliveries.AddRange(Enumerable.Repeat(new Delivery("evt_s2", ProviderPaymentStatus.Succeeded), secondCaptureCopies));
                return Gen.Shuffle(deliveries.ToArray());
            });

    private static readonly Gen<Delivery[]> SuccessAndContradictions =
        Gen.Select(SuccessDeliveries, Gen.OneOf(ProviderPaymentStatus.Failed, ProviderPaymentStatus.Cancelled, ProviderPaymentStatus.Expired), Gen.Int[1, 2])
            .SelectMany(t => Gen.Shuffle(t.Item1.Concat(Enumerable.Repeat(new Delivery("evt_x", t.Item2), t.Item3)).ToArray()));

    private static (Payment State, List<object> Events) Deliver(IEnumerable<Delivery> deliveries)
    {
        var events = PaymentDecisionsTests.Started().ToList();
        var state = PaymentDecisionsTests.Fold(events);
        var recorded = new List<object>();
        foreach (var d in deliveries)
        {
            var decided = PaymentDecisions.ApplyProviderStatus(state, d.EventId, d.Status, History.Fee, At);
            recorded.AddRange(decided);
            state = decided.Aggregate(state, (s, e) => Payment.Evolve(s, e)!);
        }
        return (state, recorded);
    }

    [Fact]
    public void Any_order_of_authorisations_and_duplicated_captures_ends_succeeded_with_exactly_one_capture()
    {
        SuccessDeliveries.Sample(deliveries =>
        {
            var (state, events) = Deliver(deliveries);
            state.Status.ShouldBe(PaymentStatus.Succeeded);
            state.Captured.ShouldBe(History.Fee);
            state.NeedsReconciliation.ShouldBeFalse();
            events.OfType<PaymentSucceeded>().Count().ShouldBe(1);
            events.OfType<ContradictoryProviderEventRecorded>().ShouldBeEmpty();
            events.OfType<PaymentAuthorised>().Count().ShouldBeLessThanOrEqualTo(1);
        }, iter: 2_000, print: d => string.Join(", ", d));
    }

    [Fact]
    public void A_failure_in_any_position_around_a_capture_ends_succeeded_flagged_and_never_regresses()
    {
        SuccessAndContradictions.Sample(deliveries =>
        {
            var (state, events) = Deliver(deliveries);
            state.Status.ShouldBe(PaymentStatus.Succeeded);
            state.Captured.ShouldBe(History.Fee);
            state.NeedsReconciliation.ShouldBeTrue();
            events.OfType<PaymentSucceeded>().Count().ShouldBe(1);
            events.OfType<ContradictoryProviderEventRecorded>().Count().ShouldBe(1);

            // Once captured, the status never leaves Succeeded whatever comes next.
            var history = PaymentDecisionsTests.Started().ToList();
            var captured = false;
            foreach (var e in events)
            {
                history.Add(e);
                var status = PaymentDecisionsTests.Fold(history).Status;
                captured |= status == PaymentStatus.Succeeded;
                if (captured)
                {
                    status.ShouldBe(PaymentStatus.Succeeded);
                }
            }
        }, iter: 2_000, print: d => string.Join(", ", d));
    }

    [Fact]
    public void Replaying_the_same_deliveries_again_changes_nothing()
    {
        SuccessAndContradictions.Sample(deliveries =>
        {
            var (state, _) = Deliver(deliveries);
            foreach (var d in deliveries)
            {
                PaymentDecisions.ApplyProviderStatus(state, d.EventId, d.Status, History.Fee, At).ShouldBeEmpty();
            }
        }, iter: 500, print: d => string.Join(", ", d));
    }

    [Fact]
    public void A_contradiction_is_kept_as_evidence_with_the_provider_event_id()
    {
        var (_, events) = Deliver([new("evt_s", ProviderPaymentStatus.Succeeded), new("evt_x", ProviderPaymentStatus.Cancelled)]);
        var contradiction = events.OfType<ContradictoryProviderEventRecorded>().ShouldHaveSingleItem();
        contradiction.ProviderEventId.ShouldBe("evt_x");
        contradiction.ProviderStatus.ShouldBe(ProviderPaymentStatus.Cancelled);
        Money.Ils(50m).ShouldBe(History.Fee);
    }
}
