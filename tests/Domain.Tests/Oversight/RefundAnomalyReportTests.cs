using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.Payments.Refunds;
using Shouldly;
using static MyGovernment.Domain.Tests.Oversight.OversightWorld;

namespace MyGovernment.Domain.Tests.Oversight;

public sealed class RefundAnomalyReportTests
{
    private static readonly RefundAnomalyReport Report = new();

    [Fact]
    public void Refunds_adding_up_to_the_capture_are_fine_and_one_more_agora_is_found_at_the_refund_that_crossed()
    {
        var world = new OversightWorld();
        var payment = world.Payment(Guid.NewGuid(), Mar(1, 10));
        var capture = payment.Captured(Mar(1, 10, 1));
        world.Refund(payment, 15m, Finance1, Finance2, Mar(2));
        world.Refund(payment, 5m, Finance1, Finance2, Mar(3));
        world.Run(Report).ShouldBeEmpty();

        // Written around the domain (which reserves the refundable amount): the store still shows it.
        var extra = Guid.NewGuid();
        world.Add(extra, new RefundRequested(extra, payment.Id, Money.Ils(0.01m), Money.Ils(0m), "again", Finance3, Mar(4)));
        var succeeded = world.Add(extra, new RefundSucceeded(extra, payment.Id, Money.Ils(0.01m), Department, Mar(4, 11)));

        // Three partial refunds now, too: that rule is another test's.
        var finding = world.Run(Report).Where(f => f.Rule != "repeated-partial-refunds").ShouldHaveSingleItem();
        finding.Rule.ShouldBe("refund-exceeds-captured");
        finding.At.ShouldBe(succeeded.At);
        finding.Officer.ShouldBe(Finance3.Subject);
        finding.Summary.ShouldContain("refunds of 20.01 ILS from a payment that captured 20.00 ILS");
        finding.Evidence.Select(e => e.EventType).ShouldBe(["PaymentCreated", "PaymentSucceeded", "RefundSucceeded", "RefundSucceeded", "RefundSucceeded"]);
        finding.Evidence[1].ShouldBe(capture.Cite());
        finding.Evidence[^1].ShouldBe(succeeded.Cite());
    }

    [Fact]
    public void A_refund_of_a_payment_that_is_not_in_the_store_exceeds_what_it_captured()
    {
        var world = new OversightWorld();
        var refundId = Guid.NewGuid();
        world.Add(refundId, new RefundRequested(refundId, Guid.NewGuid(), Money.Ils(50m), Money.Ils(50m), "x", Finance1, Mar(4)));
        world.Add(refundId, new RefundSucceeded(refundId, Guid.NewGuid(), Money.Ils(50m), Department, Mar(4, 11)));

        world.Run(Report).ShouldHaveSingleItem().Rule.ShouldBe("refund-exceeds-captured");
    }

    [Fact]
    public void The_third_partial_refund_of_one_payment_is_found_and_two_or_a_full_refund_are_not()
    {
        var world = new OversightWorld();
        var payment = world.Payment(Guid.NewGuid(), Mar(1, 10), amount: 400m);
        payment.Captured(Mar(1, 10, 1));
        var full = world.Payment(Guid.NewGuid(), Mar(1, 10), amount: 400m);
        full.Captured(Mar(1, 10, 1));
        world.Refund(full, 400m, Finance1, Finance2, Mar(2));
        var first = world.Refund(payment, 50m, Finance1, Finance2, Mar(2));
        world.Refund(payment, 50m, Finance2, Finance1, Mar(3));
        world.Run(Report).ShouldBeEmpty();

        var third = world.Refund(payment, 50m, Finance1, Finance2, Mar(4));
        var finding = world.Run(Report).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("repeated-partial-refunds");
        finding.At.ShouldBe(third.Succeeded.At);
        finding.Evidence.Count.ShouldBe(3);
        finding.Evidence[0].ShouldBe(first.Succeeded.Cite());
        finding.Summary.ShouldContain("requested by fin-1, fin-2");
        world.Run(Report, new OversightSettings { RepeatedPartialRefunds = 4 }).ShouldBeEmpty();
    }

    [Fact]
    public void Refunding_the_fee_of_a_request_whose_document_stands_is_found_with_the_issue_and_the_refund()
    {
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var payment = world.Payment(request.Id, Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        request.ConfirmedBy(payment, Mar(1, 10, 1));
        var issue = request.Issued(Officer, Mar(2));
        var refund = world.Refund(payment, 20m, Finance1, Finance2, Mar(3));

        var finding = world.Run(Report).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("refund-on-issued-request");
        finding.RequestId.ShouldBe(request.Id);
        finding.Officer.ShouldBe(Finance1.Subject);
        finding.Evidence.Select(e => e.EventType).ShouldBe(["FeeAssessed", "DocumentIssued", "RefundRequested", "RefundSucceeded"]);
        finding.Evidence[1].ShouldBe(issue.Cite());
        finding.Evidence[2].ShouldBe(refund.Requested.Cite());
        finding.Summary.ShouldContain("0.00 ILS kept of a 20.00 fee");
    }

    [Fact]
    public void A_finance_officer_making_most_of_the_refunds_is_an_outlier_above_the_minimum_sample()
    {
        var settings = new OversightSettings { RefundOutlierMinimumRefunds = 4, RefundOutlierMinimumPeerRefunds = 4 };
        var world = new OversightWorld();
        Refunds(world, Finance1, 12, 20m);
        Refunds(world, Finance2, 2, 20m);
        Refunds(world, Finance3, 2, 20m);

        var finding = world.Run(Report, settings).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("refund-rate-high");
        finding.Officer.ShouldBe(Finance1.Subject);
        finding.Evidence.Count.ShouldBe(12);
        finding.Summary.ShouldContain("12 of 16 refunds");
        world.Run(Report, new OversightSettings { RefundOutlierMinimumRefunds = 4, RefundOutlierMinimumPeerRefunds = 5 }).ShouldBeEmpty();
        world.Run(Report, new OversightSettings { RefundOutlierMinimumRefunds = 13, RefundOutlierMinimumPeerRefunds = 4 }).ShouldBeEmpty();

        var even = new OversightWorld();
        Refunds(even, Finance1, 6, 20m);
        Refunds(even, Finance2, 6, 20m);
        Refunds(even, Finance3, 6, 20m);
        even.Run(Report, settings).ShouldBeEmpty();
    }

    [Fact]
    public void A_finance_officer_whose_refunds_are_far_larger_than_peers_is_an_outlier_unless_below_the_ratio()
    {
        var settings = new OversightSettings { RefundOutlierMinimumRefunds = 5, RefundOutlierMinimumPeerRefunds = 5 };
        var world = new OversightWorld();
        Refunds(world, Finance1, 5, 400m);
        Refunds(world, Finance2, 5, 20m);
        Refunds(world, Finance3, 5, 20m);

        var finding = world.Run(Report, settings).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("refund-amount-high");
        finding.Officer.ShouldBe(Finance1.Subject);
        finding.Summary.ShouldContain("5 refunds average 400.00; the peers' 10 average 20.00");
        world.Run(Report, new OversightSettings { RefundOutlierMinimumRefunds = 5, RefundOutlierMinimumPeerRefunds = 5, RefundAmountOutlierRatio = 21 }).ShouldBeEmpty();
        world.Run(Report, new OversightSettings { RefundOutlierMinimumRefunds = 6, RefundOutlierMinimumPeerRefunds = 5 }).ShouldBeEmpty();
    }

    private static void Refunds(OversightWorld world, Actor officer, int count, decimal amount)
    {
        for (var i = 0; i < count; i++)
        {
            var payment = world.Payment(Guid.NewGuid(), Mar(1, 10), amount);
            payment.Captured(Mar(1, 10, 1));
            world.Refund(payment, amount, officer, officer == Finance2 ? Finance3 : Finance2, Mar(2 + i % 3));
        }
    }
}
