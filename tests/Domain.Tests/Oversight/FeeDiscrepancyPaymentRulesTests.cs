using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.Oversight.OversightWorld;

namespace MyGovernment.Domain.Tests.Oversight;

/// <summary>Report 5 over payment and refund streams: the balance of a served request, and money kept for nothing.</summary>
public sealed class FeeDiscrepancyPaymentRulesTests
{
    private static readonly FeeDiscrepancyReport Report = new();

    [Fact]
    public void A_paid_and_issued_request_keeping_exactly_the_fee_is_no_finding()
    {
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var payment = world.Payment(request.Id, Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        request.ConfirmedBy(payment, Mar(1, 10, 1)).Issued(Officer, Mar(2));

        world.Run(Report).ShouldBeEmpty();
    }

    [Fact]
    public void Refunding_an_overpayment_back_to_the_fee_is_legitimate_and_the_overpayment_before_it_is_not()
    {
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var first = world.Payment(request.Id, Mar(1, 10));
        var second = world.Payment(request.Id, Mar(1, 10));
        first.Captured(Mar(1, 10, 1));
        var secondCapture = second.Captured(Mar(1, 10, 2));
        request.ConfirmedBy(first, Mar(1, 10, 1)).ConfirmedBy(second, Mar(1, 10, 2), eligible: false);
        var issue = request.Issued(Officer, Mar(2));
        world.Refund(second, 20m, Finance1, Finance2, Mar(3));

        world.Run(Report).ShouldBeEmpty();
        world.Run(new RefundAnomalyReport()).ShouldBeEmpty();

        var before = world.Run(Report, now: Mar(2, 12)).ShouldHaveSingleItem();
        before.Rule.ShouldBe("net-paid-differs-from-fee");
        before.Summary.ShouldContain("40.00 ILS kept (40.00 paid, 0.00 refunded)");
        before.At.ShouldBe(issue.At);
        before.Evidence.Select(e => e.EventType).ShouldBe(["FeeAssessed", "PaymentSucceeded", "PaymentSucceeded", "DocumentIssued"]);
        before.Evidence.ShouldContain(new Evidence(second.Id, secondCapture.Sequence, secondCapture.Version, "PaymentSucceeded"));
    }

    [Fact]
    public void A_refund_below_the_fee_of_an_issued_request_leaves_a_balance_dated_at_the_refund()
    {
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var payment = world.Payment(request.Id, Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        request.ConfirmedBy(payment, Mar(1, 10, 1)).Issued(Officer, Mar(2));
        var refund = world.Refund(payment, 15m, Finance1, Finance2, Mar(3));

        var finding = world.Run(Report).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("net-paid-differs-from-fee");
        finding.At.ShouldBe(refund.Succeeded.At);
        finding.Officer.ShouldBe(Finance1.Subject);
        finding.Summary.ShouldContain("5.00 ILS kept (20.00 paid, 15.00 refunded)");
        finding.Evidence.ShouldContain(refund.Succeeded.Cite());
    }

    [Fact]
    public void A_revoked_document_is_not_judged_on_its_balance()
    {
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var payment = world.Payment(request.Id, Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        request.ConfirmedBy(payment, Mar(1, 10, 1)).Issued(Officer, Mar(2));
        request.Revoked(Supervisor, Mar(3));
        world.Refund(payment, 20m, Finance1, Finance2, Mar(4));

        world.Run(Report).ShouldBeEmpty();
        world.Run(new RefundAnomalyReport()).ShouldBeEmpty();
    }

    [Fact]
    public void Money_kept_after_a_rejection_is_found_one_working_day_past_the_threshold_and_a_full_refund_clears_it()
    {
        var settings = new OversightSettings { UnservedRefundWorkingDays = 3 };
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var payment = world.Payment(request.Id, Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        request.ConfirmedBy(payment, Mar(1, 10, 1));
        var rejection = request.Rejected(Officer, Mar(2, 11)); // Monday

        // Tuesday, Wednesday, Thursday: exactly three working days is within the threshold.
        world.Run(Report, settings, now: Mar(5, 23)).ShouldBeEmpty();
        var finding = world.Run(Report, settings, now: Mar(8, 9)).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("paid-but-unserved");
        finding.At.ShouldBe(Mar(8, 0));
        finding.Officer.ShouldBeNull();
        finding.Summary.ShouldContain("rejected and still keeping 20.00 ILS");
        finding.Evidence[^1].ShouldBe(rejection.Cite());

        world.Refund(payment, 20m, Finance1, Finance2, Mar(4));
        world.Run(Report, settings, now: Mar(31)).ShouldBeEmpty();
    }

    [Fact]
    public void A_withdrawn_request_keeping_part_of_its_money_is_unserved()
    {
        var settings = new OversightSettings { UnservedRefundWorkingDays = 3 };
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var payment = world.Payment(request.Id, Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        request.ConfirmedBy(payment, Mar(1, 10, 1));
        request.Withdrawn(Mar(2, 11));
        world.Refund(payment, 15m, Finance1, Finance2, Mar(3));

        world.Run(Report, settings).ShouldHaveSingleItem().Summary.ShouldContain("withdrawn and still keeping 5.00 ILS");
    }

    [Fact]
    public void A_capture_after_the_request_was_abandoned_is_owed_back_from_the_day_it_came()
    {
        var settings = new OversightSettings { UnservedRefundWorkingDays = 3 };
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        world.Add(request.Id, new RequestAbandoned(request.Id, AbandonReason.PaymentNotReceived, Mar(2)));
        var payment = world.Payment(request.Id, Mar(10, 10));
        payment.Captured(Mar(10, 10, 1));

        world.Run(Report, settings, now: Mar(13)).ShouldBeEmpty();
        world.Run(Report, settings, now: Mar(16)).ShouldHaveSingleItem().At.ShouldBe(Mar(16, 0));
    }

    [Fact]
    public void A_paid_request_left_open_and_unserved_past_the_threshold_is_found()
    {
        var settings = new OversightSettings { UnservedOpenWorkingDays = 5 };
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var payment = world.Payment(request.Id, Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        request.ConfirmedBy(payment, Mar(1, 10, 1));
        request.Assigned(Officer, Mar(2));

        // Monday to Thursday and the next Sunday: five working days.
        world.Run(Report, settings, now: Mar(8, 20)).ShouldBeEmpty();
        var finding = world.Run(Report, settings, now: Mar(9, 9)).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("paid-but-unserved");
        finding.At.ShouldBe(Mar(9, 0));
        finding.Officer.ShouldBe(Officer.Subject);
        finding.Evidence.Select(e => e.EventType).ShouldBe(["ServiceRequestSubmitted", "PaymentSucceeded"]);
    }

    [Fact]
    public void A_capture_for_a_request_that_is_not_in_the_store_is_money_kept_for_nothing()
    {
        var world = new OversightWorld();
        var payment = world.Payment(Guid.NewGuid(), Mar(1, 10));
        var capture = payment.Captured(Mar(1, 10, 1));

        var finding = world.Run(Report).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("paid-but-unserved");
        finding.Department.ShouldBe(Department);
        finding.Evidence[^1].ShouldBe(capture.Cite());
    }

    [Fact]
    public void Money_in_the_trail_is_captures_and_confirmations_outside_the_payments_module_counted_once()
    {
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var payment = world.Payment(request.Id, Mar(1, 10), amount: 10m);
        payment.Captured(Mar(1, 10, 1));
        request.ConfirmedBy(payment, Mar(1, 10, 1), eligible: false);
        world.Add(request.Id, new PaymentConfirmed(request.Id, "COUNTER-7", Money.Ils(10m), Money.Ils(20m), Finance1, Mar(1, 11)));

        var trail = world.Data.MoneyOf(world.Data.ById[request.Id]);
        trail.Movements.Select(m => m.Event.Type).ShouldBe(["PaymentSucceeded", "PaymentConfirmed"]);
        trail.KeptAt(Mar(31), "ILS").ShouldBe(20m);
    }
}
