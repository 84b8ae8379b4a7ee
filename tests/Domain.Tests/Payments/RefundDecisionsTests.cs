using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Tests.ServiceRequests;
using Shouldly;

namespace MyGovernment.Domain.Tests.PaymentStreams;

public sealed class RefundDecisionsTests
{
    private static readonly Guid RefundId = Guid.Parse("0190a000-0000-7000-8000-0000000000d1");
    private static readonly DateTimeOffset Now = History.Jan(9, 10);
    private static readonly Actor Maker = new("finance-1", "finance", "TREASURY");
    private static readonly Actor Checker = new("finance-2", "finance", "TREASURY");

    private static Payment Captured(decimal amount = 100m) => PaymentDecisionsTests.Fold(
        [.. PaymentDecisionsTests.Started(), new PaymentSucceeded(PaymentDecisionsTests.PaymentId, "evt_s", Money.Ils(amount), Now)]);

    private static Payment With(Payment payment, IEnumerable<object> events) => events.Aggregate(payment, (p, e) => Payment.Evolve(p, e)!);

    [Fact]
    public void A_refund_reserves_its_amount_so_the_refundable_amount_shrinks()
    {
        var payment = Captured();

        var outcome = RefundDecisions.Request(RefundId, payment, Money.Ils(30m), Money.Ils(100m), "Duplicate payment", Maker, Now);

        outcome.RefundEvents.ShouldHaveSingleItem().ShouldBeOfType<RefundRequested>().Amount.ShouldBe(Money.Ils(30m));
        outcome.PaymentEvents.ShouldHaveSingleItem().ShouldBeOfType<RefundReserved>();
        RefundDecisions.Refundable(With(payment, outcome.PaymentEvents)).ShouldBe(Money.Ils(70m));
    }

    [Fact]
    public void A_stale_refundable_amount_is_refused()
    {
        var payment = With(Captured(), [new RefundReserved(PaymentDecisionsTests.PaymentId, Guid.NewGuid(), Money.Ils(30m), Now)]);

        Should.Throw<DomainException>(() => RefundDecisions.Request(RefundId, payment, Money.Ils(10m), Money.Ils(100m), "r", Maker, Now))
            .Code.ShouldBe("stale_refundable_amount");
        RefundDecisions.Request(RefundId, payment, Money.Ils(10m), Money.Ils(70m), "r", Maker, Now).RefundEvents.ShouldNotBeEmpty();
    }

    [Fact]
    public void More_than_is_refundable_and_uncaptured_payments_are_refused()
    {
        Should.Throw<DomainException>(() => RefundDecisions.Request(RefundId, Captured(), Money.Ils(100.01m), Money.Ils(100m), "r", Maker, Now))
            .Code.ShouldBe("refund_exceeds_refundable");
        var started = PaymentDecisionsTests.Fold(PaymentDecisionsTests.Started());
        Should.Throw<DomainException>(() => RefundDecisions.Request(RefundId, started, Money.Ils(1m), Money.Ils(0m), "r", Maker, Now))
            .Code.ShouldBe("payment_not_refundable");
    }

    [Fact]
    public void The_requester_never_approves_their_own_refund()
    {
        var refund = Refund.Evolve(null, new RefundRequested(RefundId, PaymentDecisionsTests.PaymentId, Money.Ils(5m), Money.Ils(100m), "r", Maker, Now))!;

        Should.Throw<DomainException>(() => RefundDecisions.Approve(refund, Captured(), Maker with { Role = "finance" }, Now)).Code.ShouldBe("maker_checker");
        RefundDecisions.Approve(refund, Captured(), Checker, Now).ShouldHaveSingleItem().ShouldBeOfType<RefundApproved>();
    }

    [Fact]
    public void The_requester_never_approves_their_own_refund_under_a_second_account_with_the_same_national_id()
    {
        var maker = Maker with { NationalId = "555000111" };
        var refund = Refund.Evolve(null, new RefundRequested(RefundId, PaymentDecisionsTests.PaymentId, Money.Ils(5m), Money.Ils(100m), "r", maker, Now))!;

        Should.Throw<DomainException>(() => RefundDecisions.Approve(refund, Captured(), Checker with { NationalId = "555000111" }, Now)).Code.ShouldBe("maker_checker");
        RefundDecisions.Approve(refund, Captured(), Checker with { NationalId = "234567891" }, Now).ShouldHaveSingleItem().ShouldBeOfType<RefundApproved>();
    }

    [Fact]
    public void Finance_never_refunds_their_own_payment_neither_asking_nor_approving()
    {
        var payment = Captured();
        var payer = Maker with { NationalId = payment.PayerId };

        Should.Throw<DomainException>(() => RefundDecisions.Request(RefundId, payment, Money.Ils(5m), Money.Ils(100m), "r", payer, Now))
            .Code.ShouldBe("own_payment_refund");
        var refund = Refund.Evolve(null, new RefundRequested(RefundId, payment.Id, Money.Ils(5m), Money.Ils(100m), "r", Checker, Now))!;
        Should.Throw<DomainException>(() => RefundDecisions.Approve(refund, payment, payer, Now)).Code.ShouldBe("own_payment_refund");
    }

    [Fact]
    public void A_failed_refund_releases_its_reservation_and_a_succeeded_one_refunds_for_good()
    {
        var payment = Captured();
        var request = RefundDecisions.Request(RefundId, payment, Money.Ils(40m), Money.Ils(100m), "r", Maker, Now);
        payment = With(payment, request.PaymentEvents);
        var refund = new object[] { request.RefundEvents[0], new RefundApproved(RefundId, Checker, Now) }.Aggregate((Refund?)null, Refund.Evolve)!;

        var failed = RefundDecisions.Settle(refund, payment, "re_1", succeeded: false, "refused", Now);
        failed.RefundEvents.Select(e => e.GetType()).ShouldBe([typeof(RefundSubmitted), typeof(RefundFailed)]);
        RefundDecisions.Refundable(With(payment, failed.PaymentEvents)).ShouldBe(Money.Ils(100m));

        var succeeded = RefundDecisions.Settle(refund, payment, "re_1", succeeded: true, null, Now);
        succeeded.RefundEvents.OfType<RefundSucceeded>().ShouldHaveSingleItem().DepartmentCode.ShouldBe(payment.DepartmentCode);
        var after = With(payment, succeeded.PaymentEvents);
        after.Refunded.ShouldBe(40m);
        RefundDecisions.Refundable(after).ShouldBe(Money.Ils(60m));
    }
}
