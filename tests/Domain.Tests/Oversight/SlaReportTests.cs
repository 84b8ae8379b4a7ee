using MyGovernment.Domain.Oversight;
using Shouldly;
using static MyGovernment.Domain.Tests.Oversight.OversightWorld;

namespace MyGovernment.Domain.Tests.Oversight;

public sealed class SlaReportTests
{
    private static readonly SlaReport Report = new();

    [Fact]
    public void A_decision_exactly_at_the_SLA_is_no_breach_and_one_working_day_later_is()
    {
        var world = new OversightWorld();
        // Eligible Sunday 1 March; SLA 3 working days: Mon, Tue, Wed.
        world.Request(sla: 3).Submitted(Mar(1, 9)).Eligible(Mar(1)).Rejected(Officer, Mar(4, 14));
        var late = world.Request(sla: 3).Submitted(Mar(1, 9)).Eligible(Mar(1));
        var decision = late.Rejected(Officer, Mar(5, 9));

        var finding = world.Run(Report).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("sla-breached");
        finding.RequestId.ShouldBe(late.Id);
        finding.Officer.ShouldBe(Officer.Subject);
        finding.Evidence.Select(e => e.EventType).ShouldBe(["SlaClockStarted", "RequestRejected"]);
        finding.Evidence[^1].Sequence.ShouldBe(decision.Sequence);
    }

    [Fact]
    public void Days_waiting_for_the_applicant_are_not_counted()
    {
        var world = new OversightWorld();
        var request = world.Request(sla: 3).Submitted(Mar(1, 9)).Eligible(Mar(1));
        request.Paused(Mar(2));   // Monday
        request.Resumed(Mar(9));  // next Monday: Tue, Wed, Thu, Sun, Mon = 5 working days paused
        request.Rejected(Officer, Mar(11)); // Wednesday: 8 working days since eligibility, 3 of them working

        world.Run(Report).ShouldBeEmpty();

        var worse = new OversightWorld();
        var r = worse.Request(sla: 3).Submitted(Mar(1, 9)).Eligible(Mar(1));
        r.Paused(Mar(2));
        r.Resumed(Mar(9));
        r.Rejected(Officer, Mar(12));
        worse.Run(Report).ShouldHaveSingleItem().Summary.ShouldContain("4 working days (SLA 3, 5 paused)");
    }

    [Fact]
    public void An_open_request_past_its_SLA_is_overdue_but_not_while_waiting_for_the_applicant()
    {
        var world = new OversightWorld();
        var request = world.Request(sla: 3).Submitted(Mar(1, 9)).Eligible(Mar(1));
        request.Assigned(Officer, Mar(1, 11));
        world.Run(Report, now: Mar(4, 12)).ShouldBeEmpty();
        world.Run(Report, now: Mar(5, 12)).Select(f => f.Rule).ShouldBe(["sla-overdue-open"]);

        request.Paused(Mar(2));
        world.Run(Report, now: Mar(12, 12)).ShouldBeEmpty();
    }

    [Fact]
    public void An_approved_request_never_issued_stalls_too()
    {
        var world = new OversightWorld();
        world.Request(sla: 3).Submitted(Mar(1, 9)).Eligible(Mar(1)).Approved(Officer, Mar(2));
        world.Run(Report, now: Mar(31)).ShouldHaveSingleItem().Summary.ShouldStartWith("Approved, no event for");
    }

    [Fact]
    public void A_request_held_by_staff_stalls_after_more_than_the_threshold_of_idle_working_days()
    {
        var world = new OversightWorld();
        var request = world.Request(sla: 30).Submitted(Mar(1, 9)).Eligible(Mar(1));
        var claim = request.Assigned(Officer, Mar(1, 11));

        // Sunday 1 → Sunday 8: Mon, Tue, Wed, Thu, Sun = exactly 5 working days idle: not yet.
        world.Run(Report, now: Mar(8, 12)).ShouldBeEmpty();
        var stall = world.Run(Report, now: Mar(9, 12)).ShouldHaveSingleItem();
        stall.Rule.ShouldBe("stalled");
        stall.Officer.ShouldBe(Officer.Subject);
        stall.At.ShouldBe(Mar(9, 0));
        stall.Evidence.ShouldHaveSingleItem().Sequence.ShouldBe(claim.Sequence);
        // A report for a period that ended before the stall began does not show it.
        world.Run(Report, now: Mar(20), to: Mar(8, 12)).ShouldBeEmpty();
    }
}
