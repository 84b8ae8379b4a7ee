using MyGovernment.Domain.Oversight;
using Shouldly;
using static MyGovernment.Domain.Tests.Oversight.OversightWorld;

namespace MyGovernment.Domain.Tests.Oversight;

public sealed class QueueJumpingReportTests
{
    private static readonly QueueJumpingReport Report = new();

    [Fact]
    public void Taking_a_later_request_while_an_earlier_one_waits_unassigned_and_finishing_it_first_is_an_inversion()
    {
        var world = new OversightWorld();
        var a = world.Request().Submitted(Mar(1, 8)).Eligible(Mar(1, 9));
        var b = world.Request().Submitted(Mar(1, 8)).Eligible(Mar(1, 11));
        var taken = b.Assigned(Officer, Mar(2, 9));
        var done = b.Approved(Officer, Mar(2, 10));
        a.Assigned(Officer2, Mar(2, 11));
        a.Approved(Officer2, Mar(2, 12));

        var finding = world.Run(Report).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("taken-ahead");
        finding.Officer.ShouldBe(Officer.Subject);
        finding.RequestId.ShouldBe(b.Id);
        finding.Evidence.Select(e => e.EventType).ShouldBe(["StepEntered", "StepEntered", "RequestAssigned", "RequestApproved", "RequestApproved"]);
        finding.Evidence[2].Sequence.ShouldBe(taken.Sequence);
        finding.Evidence[3].Sequence.ShouldBe(done.Sequence);
    }

    [Fact]
    public void Eligibility_within_the_tolerance_is_the_same_place_in_the_queue()
    {
        var settings = new OversightSettings { QueueTolerance = TimeSpan.FromHours(1) };
        var world = new OversightWorld();
        world.Request().Submitted(Mar(1, 8)).Eligible(Mar(1, 9));
        var b = world.Request().Submitted(Mar(1, 8)).Eligible(Mar(1, 10));
        b.Assigned(Officer, Mar(2, 9));
        b.Approved(Officer, Mar(2, 10));

        world.Run(Report, settings).ShouldBeEmpty();
        world.Run(Report, new OversightSettings { QueueTolerance = TimeSpan.FromMinutes(59) }).ShouldHaveSingleItem();
    }

    [Fact]
    public void Holding_an_earlier_request_while_it_waits_for_the_applicant_is_no_inversion()
    {
        var world = new OversightWorld();
        var a = world.Request().Submitted(Mar(1, 8)).Eligible(Mar(1, 9));
        a.Assigned(Officer, Mar(2, 9));
        a.Paused(Mar(2, 10));
        var b = world.Request().Submitted(Mar(1, 8)).Eligible(Mar(1, 12));
        b.Assigned(Officer, Mar(2, 11));
        b.Approved(Officer, Mar(2, 12));
        a.Resumed(Mar(3, 9));
        a.Approved(Officer, Mar(3, 10));
        world.Run(Report).ShouldBeEmpty();

        var busy = new OversightWorld();
        var a2 = busy.Request().Submitted(Mar(1, 8)).Eligible(Mar(1, 9));
        a2.Assigned(Officer, Mar(2, 9));
        var b2 = busy.Request().Submitted(Mar(1, 8)).Eligible(Mar(1, 12));
        b2.Assigned(Officer, Mar(2, 11));
        b2.Approved(Officer, Mar(2, 12));
        a2.Approved(Officer, Mar(3, 10));
        busy.Run(Report).ShouldHaveSingleItem().Rule.ShouldBe("held-and-skipped");
    }
}
