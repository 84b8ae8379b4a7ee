using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using Shouldly;

namespace MyGovernment.Application.Tests.ServiceRequests;

/// <summary>
/// The follow-up messages the decided events start: automatic assignment as configured, and no timer (timers are
/// data, swept: the integration tests check that no command leaves a scheduled message).
/// </summary>
public sealed class LifecycleTimersTests
{
    private static readonly Guid RequestId = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");
    private static readonly DateTimeOffset At = new(2026, 1, 8, 10, 0, 0, TimeSpan.FromHours(2));
    private static readonly Actor Officer = new("molg-1", "officer", "MOLG", "400000001");

    private static List<object> For(object @event, LifecycleOptions options) => [.. LifecycleTimers.For(RequestId, [@event], options)];

    [Theory]
    [InlineData(AssignmentPolicy.RoundRobin)]
    [InlineData(AssignmentPolicy.LeastLoaded)]
    public void Entering_a_step_asks_for_automatic_assignment_under_an_automatic_policy(AssignmentPolicy policy) =>
        For(new StepEntered(RequestId, 1, "CIVIL-DEFENCE", At), new LifecycleOptions { AssignmentPolicy = policy })
            .OfType<AutoAssign>().ShouldHaveSingleItem().ShouldBe(new AutoAssign(RequestId, 1, "CIVIL-DEFENCE"));

    [Fact]
    public void Under_the_manual_policy_nobody_is_assigned_automatically() =>
        For(new StepEntered(RequestId, 0, "MOLG", At), new LifecycleOptions { AssignmentPolicy = AssignmentPolicy.Manual }).ShouldBeEmpty();

    [Fact]
    public void The_waits_schedule_no_message_any_more_because_they_are_data()
    {
        // Their starts are kept in the request's row (RequestTimersTests) that the sweep reads (DueTimersTests).
        var options = new LifecycleOptions { AssignmentPolicy = AssignmentPolicy.Manual };
        For(new FeeAssessed(RequestId, 1, [], Money.Ils(50m), At), options).ShouldBeEmpty();
        For(new InformationRequested(RequestId, Guid.NewGuid(), "Site plan?", Officer, At), options).ShouldBeEmpty();
        For(new RequestRejected(RequestId, "ineligible", "No", null, Officer, At), options).ShouldBeEmpty();
        For(new DocumentIssued(RequestId, "ABCDEFGHJKLMNPQR", "BUILDING-PERMIT", Officer, At), options).ShouldBeEmpty();
    }

    [Fact]
    public void Starting_or_moving_the_SLA_clock_schedules_no_message_any_more_because_the_deadline_is_data()
    {
        // The deadline is data in the request's row (RequestTimersTests) that the SLA sweep finds; one envelope per request is gone.
        var due = new DateOnly(2026, 1, 15);
        For(new SlaClockStarted(RequestId, At, due), new LifecycleOptions()).ShouldBeEmpty();
        For(new ApplicantResponded(RequestId, Guid.NewGuid(), "Sent", [], 2, due.AddDays(4), Officer, At), new LifecycleOptions()).ShouldBeEmpty();
    }
}
