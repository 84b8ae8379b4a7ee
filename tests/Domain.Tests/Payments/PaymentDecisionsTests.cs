using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Tests.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.PaymentStreams;

public sealed class PaymentDecisionsTests
{
    public static readonly Guid PaymentId = Guid.Parse("0190a000-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset Now = History.Jan(8, 10);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public static object[] Created() =>
        [new PaymentCreated(PaymentId, History.RequestId, Molg, History.Fee, PaymentChannel.Card, ApplicantId, Applicant, Now)];

    public static object[] Started() =>
        [.. Created(), new PaymentStarted(PaymentId, "cs_1", "https://psp/pay/cs_1", null, Now.AddMinutes(30), Now)];

    public static Payment Fold(IEnumerable<object> events) => events.Aggregate((Payment?)null, Payment.Evolve)!;

    [Fact]
    public void The_applicant_pays_the_outstanding_fee_of_a_request_awaiting_payment()
    {
        var request = GivenWhenThen.Given(new History().AwaitingPayment());

        var events = PaymentDecisions.Create(PaymentId, request, Molg, PaymentChannel.Cash, Applicant, Now);

        var created = events.ShouldHaveSingleItem().ShouldBeOfType<PaymentCreated>();
        created.Amount.ShouldBe(History.Fee);
        created.PayerId.ShouldBe(ApplicantId);
        created.Channel.ShouldBe(PaymentChannel.Cash);
    }

    [Fact]
    public void Nobody_else_pays_through_the_citizen_channel_and_nothing_is_paid_twice()
    {
        var request = GivenWhenThen.Given(new History().AwaitingPayment());
        Should.Throw<NotFoundException>(() => PaymentDecisions.Create(PaymentId, request, Molg, PaymentChannel.Card, Stranger, Now));

        var paid = GivenWhenThen.Given(new History().InReviewAtMolg());
        GivenWhenThen.ThenRefused(() => PaymentDecisions.Create(PaymentId, paid, Molg, PaymentChannel.Card, Applicant, Now), "payment_not_due");
    }

    [Fact]
    public void Starting_records_the_session_once()
    {
        var payment = Fold(Created());
        var started = PaymentDecisions.Start(payment, "cs_1", "https://psp/pay/cs_1", null, Now.AddMinutes(30), Now);
        started.ShouldHaveSingleItem().ShouldBeOfType<PaymentStarted>();
        PaymentDecisions.Start(Fold([.. Created(), .. started]), "cs_1", "https://psp/pay/cs_1", null, Now.AddMinutes(30), Now).ShouldBeEmpty();
    }

    [Fact]
    public void A_decline_fails_the_payment_and_a_later_capture_still_wins_flagged()
    {
        var failed = PaymentDecisions.ApplyProviderStatus(Fold(Started()), "evt_f", ProviderPaymentStatus.Failed, null, Now);
        failed.ShouldHaveSingleItem().ShouldBeOfType<PaymentFailed>();

        var history = Started().Concat(failed).ToArray();
        var late = PaymentDecisions.ApplyProviderStatus(Fold(history), "evt_s", ProviderPaymentStatus.Succeeded, History.Fee, Now);

        late.Select(e => e.GetType()).ShouldBe([typeof(PaymentSucceeded), typeof(ContradictoryProviderEventRecorded)]);
        var after = Fold(history.Concat(late));
        after.Status.ShouldBe(PaymentStatus.Succeeded);
        after.NeedsReconciliation.ShouldBeTrue();
    }

    [Fact]
    public void A_failure_after_a_capture_is_recorded_as_a_contradiction_and_never_undoes_it()
    {
        var captured = Started().Append(new PaymentSucceeded(PaymentId, "evt_s", History.Fee, Now)).ToArray();

        var events = PaymentDecisions.ApplyProviderStatus(Fold(captured), "evt_f", ProviderPaymentStatus.Failed, null, Now);

        events.ShouldHaveSingleItem().ShouldBeOfType<ContradictoryProviderEventRecorded>().ProviderStatus.ShouldBe(ProviderPaymentStatus.Failed);
        var after = Fold(captured.Concat(events));
        after.Status.ShouldBe(PaymentStatus.Succeeded);
        after.NeedsReconciliation.ShouldBeTrue();
        PaymentDecisions.ApplyProviderStatus(after, "evt_f", ProviderPaymentStatus.Failed, null, Now).ShouldBeEmpty();
    }

    [Fact]
    public void A_capture_of_another_amount_is_recorded_as_captured_and_flagged()
    {
        var events = PaymentDecisions.ApplyProviderStatus(Fold(Started()), "evt_s", ProviderPaymentStatus.Succeeded, Money.Ils(5m), Now);

        events[0].ShouldBeOfType<PaymentSucceeded>().Captured.ShouldBe(Money.Ils(5m));
        events[1].ShouldBeOfType<ContradictoryProviderEventRecorded>();
    }

    [Fact]
    public void Expiry_waits_for_the_deadline_and_spares_authorised_and_final_payments()
    {
        PaymentDecisions.Expire(Fold(Started()), Lifetime, Now.AddMinutes(29)).ShouldBeEmpty();
        PaymentDecisions.Expire(Fold(Started()), Lifetime, Now.AddMinutes(30)).ShouldHaveSingleItem().ShouldBeOfType<PaymentExpired>();
        PaymentDecisions.Expire(Fold(Created()), Lifetime, Now.AddMinutes(31)).ShouldHaveSingleItem().ShouldBeOfType<PaymentExpired>();

        var authorised = Started().Append(new PaymentAuthorised(PaymentId, "evt_a", Now)).ToArray();
        PaymentDecisions.Expire(Fold(authorised), Lifetime, Now.AddDays(1)).ShouldBeEmpty();
        var succeeded = Started().Append(new PaymentSucceeded(PaymentId, "evt_s", History.Fee, Now)).ToArray();
        PaymentDecisions.Expire(Fold(succeeded), Lifetime, Now.AddDays(1)).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_outcome_is_marked_once_and_never_over_a_final_state()
    {
        var unknown = PaymentDecisions.MarkStatusUnknown(Fold(Started()), "provider unreachable", Now);
        unknown.ShouldHaveSingleItem().ShouldBeOfType<PaymentStatusUnknown>();
        PaymentDecisions.MarkStatusUnknown(Fold(Started().Concat(unknown)), "again", Now).ShouldBeEmpty();
        var failed = Started().Append(new PaymentFailed(PaymentId, "evt_f", "declined", Now));
        PaymentDecisions.MarkStatusUnknown(Fold(failed), "x", Now).ShouldBeEmpty();
    }
}
