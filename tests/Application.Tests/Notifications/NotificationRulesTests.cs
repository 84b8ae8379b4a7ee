using MyGovernment.Application.Notifications;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;

namespace MyGovernment.Application.Tests.Notifications;

public sealed class NotificationRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_escalation_tells_the_officer_holding_the_request_and_the_departments_supervisors()
    {
        var intents = NotificationRules.For(new RequestEscalated(Guid.NewGuid(), "MOL", "SLA due date passed", Actor.System, At));
        intents.Select(i => i.Audience).ShouldBe([Audience.Assignee, Audience.Supervisors]);
        intents.ShouldAllBe(i => i.Kind == NotificationKind.Escalated && i.Department == "MOL" && i.At == At);
    }

    [Fact]
    public void Ids_come_from_the_event_kind_and_audience_so_a_replay_finds_the_same_notice()
    {
        var eventId = Guid.NewGuid();
        var intent = NotificationRules.For(new RequestApproved(Guid.NewGuid(), "ok", null, Actor.System, At)).Single();
        NotificationRules.IdFor(eventId, intent).ShouldBe(NotificationRules.IdFor(eventId, intent));
        NotificationRules.IdFor(eventId, intent).ShouldNotBe(NotificationRules.IdFor(Guid.NewGuid(), intent));
        NotificationRules.IdFor(eventId, intent).ShouldNotBe(NotificationRules.IdFor(eventId, intent with { Audience = Audience.Assignee }));
    }

    [Fact]
    public void A_fee_of_nothing_asks_for_nothing() =>
        NotificationRules.For(new FeeAssessed(Guid.NewGuid(), 1, [], Money.Ils(0), At)).ShouldBeEmpty();

    [Fact]
    public void The_abandonment_reminder_comes_the_configured_days_before_the_deadline()
    {
        var info = new InformationRequested(Guid.NewGuid(), Guid.NewGuid(), "Diploma?", Actor.System, At);
        var e = new JasperFx.Events.Event<InformationRequested>(info) { Id = Guid.NewGuid() };
        var (message, at) = AbandonmentReminder.For(e, new LifecycleOptions { ApplicantResponseDays = 30 }, new NotificationOptions { AbandonmentReminderDays = 3 })!.Value;
        at.ShouldBe(At.AddDays(27));
        message.ShouldBe(new RemindBeforeAbandonment(info.RequestId, e.Id, info.InformationRequestId, 3, at));
    }

    [Fact]
    public void Retries_wait_five_times_longer_each_time()
    {
        var options = new NotificationOptions { FirstRetryDelay = TimeSpan.FromMinutes(1) };
        (options.RetryDelay(1), options.RetryDelay(2), options.RetryDelay(3)).ShouldBe((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(25)));
    }
}
