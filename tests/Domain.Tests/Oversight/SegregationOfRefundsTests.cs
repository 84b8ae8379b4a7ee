using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.Payments.Refunds;
using Shouldly;
using static MyGovernment.Domain.Tests.Oversight.OversightWorld;

namespace MyGovernment.Domain.Tests.Oversight;

/// <summary>Report 1's refund pair: the events are checked even though the domain refuses the pair.</summary>
public sealed class SegregationOfRefundsTests
{
    private static readonly SegregationOfDutiesReport Report = new();

    [Fact]
    public void A_refund_approved_by_its_requester_is_found_citing_both_events_of_the_refund_stream()
    {
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(1, 9)).Assessed(Mar(1, 9));
        var payment = world.Payment(request.Id, Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        request.ConfirmedBy(payment, Mar(1, 10, 1));
        var self = world.Refund(payment, 5m, Finance1, Finance1, Mar(3));
        world.Refund(payment, 5m, Finance1, Finance2, Mar(4));

        var finding = world.Run(Report).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("refund-request-approve");
        finding.Officer.ShouldBe(Finance1.Subject);
        finding.At.ShouldBe(self.Approved.At);
        finding.RequestId.ShouldBe(request.Id);
        finding.Service.ShouldBe(Service);
        finding.Department.ShouldBe(Department);
        finding.Evidence.ShouldBe([new Evidence(self.Id, self.Requested.Sequence, 1, "RefundRequested"), new Evidence(self.Id, self.Approved.Sequence, 2, "RefundApproved")]);
    }

    [Fact]
    public void The_same_person_under_a_second_account_on_both_sides_of_a_refund_is_found()
    {
        var world = new OversightWorld();
        var payment = world.Payment(Guid.NewGuid(), Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        world.Refund(payment, 5m, Finance1, Finance2 with { NationalId = Finance1.NationalId }, Mar(3));

        world.Run(Report).ShouldHaveSingleItem().Rule.ShouldBe("refund-request-approve");
    }

    [Fact]
    public void A_refund_paid_out_with_no_approval_is_found()
    {
        var world = new OversightWorld();
        var payment = world.Payment(Guid.NewGuid(), Mar(1, 10));
        payment.Captured(Mar(1, 10, 1));
        var refundId = Guid.NewGuid();
        world.Add(refundId, new RefundRequested(refundId, payment.Id, Money.Ils(5m), Money.Ils(20m), "x", Finance1, Mar(3)));
        var submitted = world.Add(refundId, new RefundSubmitted(refundId, "re_1", Mar(3, 11)));
        world.Add(refundId, new RefundSucceeded(refundId, payment.Id, Money.Ils(5m), Department, Mar(3, 11)));

        var finding = world.Run(Report).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("refund-approval-missing");
        finding.Officer.ShouldBe(Finance1.Subject);
        finding.Evidence[^1].ShouldBe(submitted.Cite());
    }
}
