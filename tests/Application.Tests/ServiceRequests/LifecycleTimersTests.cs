using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using Shouldly;
using Wolverine;

namespace MyGovernment.Application.Tests.ServiceRequests;

/// <summary>
/// The follow-up messages the decided events start: automatic assignment as configured, and the timers at the
/// configured number of days (the integration tests check they are stored as scheduled messages).
/// </summary>
public sealed class LifecycleTimersTests
{
    private static readonly Guid RequestId = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");
    private static readonly DateTimeOffset At = new(2026, 1, 8, 10, 0, 0, TimeSpan.FromHours(2));
    private static readonly Actor Officer = new("molg-1", "officer", "MOLG", "400000001");

    private static List<object> For(object @event, LifecycleOptions options) => [.. LifecycleTimers.For(RequestId, [@event], options)];

    private static (T Message, DateTimeOffset? DueAt) Scheduled<T>(List<object> messages)
    {
        var delivery = messages.OfType<DeliveryMessage<T>>().ShouldHaveSingleItem();
        return (delivery.Message, delivery.Options.ScheduledTime);
    }

    [Theory]
    [InlineData(AssignmentPolicy.RoundRobin)]
    [InlineData(AssignmentPolicy.LeastLoaded)]
    public void Entering_a_step_asks_for_automatic_assignment_under_an_automatic_policy(AssignmentPolicy policy) =>
        For(new StepEntered(RequestId, 1, "CIVIL-DEFENCE", At), new LifecycleOptions { AssignmentPolicy = policy })
            .OfType<AutoAssign>().ShouldHaveSingleItem().ShouldBe(new AutoAssign(RequestId, 1));

    [Fact]
    public void Under_the_manual_policy_nobody_is_assigned_automatically() =>
        For(new StepEntered(RequestId, 0, "MOLG", At), new LifecycleOptions { AssignmentPolicy = AssignmentPolicy.Manual }).ShouldBeEmpty();

    [Fact]
    public void An_assessed_fee_schedules_abandonment_after_the_configured_payment_days()
    {
        var fee = Money.Ils(50m);
        var (message, due) = Scheduled<AbandonIfUnpaid>(For(new FeeAssessed(RequestId, 1, [], fee, At), new LifecycleOptions { PaymentDays = 7 }));

        message.ShouldBe(new AbandonIfUnpaid(RequestId));
        due.ShouldBe(At.AddDays(7));
    }

    [Fact]
    public void An_information_request_schedules_abandonment_after_the_configured_response_days()
    {
        var info = Guid.Parse("0190a000-0000-7000-8000-0000000000b1");
        var (message, due) = Scheduled<AbandonIfNoResponse>(
            For(new InformationRequested(RequestId, info, "Site plan?", Officer, At), new LifecycleOptions { ApplicantResponseDays = 10 }));

        message.ShouldBe(new AbandonIfNoResponse(RequestId, info));
        due.ShouldBe(At.AddDays(10));
    }

    [Fact]
    public void A_rejection_or_an_issued_document_schedules_closing_after_the_configured_appeal_window()
    {
        var options = new LifecycleOptions { AppealWindowDays = 21 };

        Scheduled<CloseAfterAppealWindow>(For(new RequestRejected(RequestId, "ineligible", "No", null, Officer, At), options)).DueAt.ShouldBe(At.AddDays(21));
        Scheduled<CloseAfterAppealWindow>(For(new DocumentIssued(RequestId, "ABCDEFGHJKLMNPQR", "BUILDING-PERMIT", Officer, At), options)).DueAt.ShouldBe(At.AddDays(21));
    }

    [Fact]
    public void Starting_or_moving_the_SLA_clock_schedules_no_message_any_more_because_the_deadline_is_data()
    {
        // The deadline is a row (SlaDeadlineProjectionTests) that the SLA sweep finds; one envelope per request is gone.
        var due = new DateOnly(2026, 1, 15);
        For(new SlaClockStarted(RequestId, At, due), new LifecycleOptions()).ShouldBeEmpty();
        For(new ApplicantResponded(RequestId, Guid.NewGuid(), "Sent", [], 2, due.AddDays(4), Officer, At), new LifecycleOptions()).ShouldBeEmpty();
    }
}
