using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;
using static MyGovernment.Projections.Tests.ServiceRequests.EventSequence;

namespace MyGovernment.Projections.Tests.ServiceRequests;

/// <summary>
/// A request's timers (kept in its read-model row) mirror the timer decisions. The SLA deadline mirrors the SLA
/// decision: after every prefix of each history, the sweep's instant is set
/// exactly when <see cref="LifecycleDecisions.CheckSla"/> on the write model would flag the request from that instant
/// on (and not a moment before), and it is null when the decision could not act at any time. Each wait's start
/// (payment, applicant response, appeal window) is set exactly when its timer would act once the configured days have
/// passed, and null when it could not act at any time: a wait left set would be swept, uselessly, every interval.
/// </summary>
public sealed class RequestTimersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 8, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Due = new(2026, 1, 15);
    private static readonly Actor Citizen = new("citizen-1", "citizen", null, "123456782");
    private static readonly Actor Officer = new("officer-1", "officer", "MOL");
    private static readonly Guid Info = Guid.Parse("0190a000-0000-7000-8000-0000000000b1");
    private static readonly Guid OtherInfo = Guid.Parse("0190a000-0000-7000-8000-0000000000b2");

    private static readonly ServiceRequestSubmitted Submitted = new(
        RequestId, "JOBSEEKER-REGISTRATION", new("ت", "Jobseeker"), "123456782", Citizen, SubmissionChannel.Online,
        new Dictionary<string, string>(), false, ["MOL"], false, 5, T0);

    private static readonly object[] Queued = [Submitted, new StepEntered(RequestId, 0, "MOL", T0), new SlaClockStarted(RequestId, T0, Due)];

    private static readonly object Overdue = new RequestMarkedOverdue(RequestId, Due, T0.AddDays(8));

    public static TheoryData<string, object[]> Histories => new()
    {
        { "queued", Queued },
        { "paused for the applicant", [.. Queued, new InformationRequested(RequestId, Info, "ID?", Officer, T0.AddDays(1))] },
        { "answered, due date moved", [.. Queued, new InformationRequested(RequestId, Info, "ID?", Officer, T0.AddDays(1)),
            new ApplicantResponded(RequestId, Info, "Here", [], 3, Due.AddDays(3), Citizen, T0.AddDays(4))] },
        { "overdue", [.. Queued, Overdue] },
        { "approved", [.. Queued, new RequestApproved(RequestId, "ok", null, Officer, T0.AddDays(2))] },
        { "withdrawn while paused", [.. Queued, new InformationRequested(RequestId, Info, "ID?", Officer, T0.AddDays(1)),
            new RequestWithdrawn(RequestId, "changed my mind", Citizen, T0.AddDays(2))] },
        { "rejected, appealed, fresh clock", [.. Queued, new RequestRejected(RequestId, "ineligible", "No", null, Officer, T0.AddDays(2)),
            new RequestReopened(RequestId, "I am eligible", Citizen, T0.AddDays(3)), new StepEntered(RequestId, 0, "MOL", T0.AddDays(3)),
            new SlaClockStarted(RequestId, T0.AddDays(3), Due.AddDays(5))] },
        { "overdue, rejected, appealed: the breach stays flagged", [.. Queued, Overdue, new RequestRejected(RequestId, "ineligible", "No", null, Officer, T0.AddDays(9)),
            new RequestReopened(RequestId, "I am eligible", Citizen, T0.AddDays(10)), new StepEntered(RequestId, 0, "MOL", T0.AddDays(10)),
            new SlaClockStarted(RequestId, T0.AddDays(10), Due.AddDays(12))] },
        { "abandoned", [.. Queued, new RequestAbandoned(RequestId, AbandonReason.ApplicantDidNotRespond, T0.AddDays(30))] },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void After_every_event_the_deadline_is_the_first_instant_the_SLA_decision_would_act(string history, object[] events)
    {
        for (var length = 1; length <= events.Length; length++)
        {
            var prefix = events[..length];
            var deadline = Project(prefix);
            var request = prefix.Aggregate((ServiceRequest?)null, ServiceRequest.Evolve)!;
            var far = T0.AddYears(1);
            if (deadline.CheckAt is { } at)
            {
                LifecycleDecisions.CheckSla(request, at).ShouldNotBeEmpty($"{history}, after {length} events: the decision acts at the deadline");
                LifecycleDecisions.CheckSla(request, at.AddTicks(-1)).ShouldBeEmpty($"{history}, after {length} events: not a moment before");
            }
            else
            {
                LifecycleDecisions.CheckSla(request, far).ShouldBeEmpty($"{history}, after {length} events: no deadline, so the decision never acts");
            }
        }
    }

    [Fact]
    public void The_deadline_is_local_midnight_after_the_due_date_and_moves_with_the_applicants_answer()
    {
        // Palestine is UTC+2 in January: local midnight starting Fri 16 is 22:00 UTC on Thu 15.
        var expected = new DateTimeOffset(2026, 1, 15, 22, 0, 0, TimeSpan.Zero);
        Project(Queued).CheckAt.ShouldBe(expected);
        Project([.. Queued, new InformationRequested(RequestId, Info, "ID?", Officer, T0.AddDays(1)),
            new ApplicantResponded(RequestId, Info, "Here", [], 4, Due.AddDays(4), Citizen, T0.AddDays(4))]).CheckAt.ShouldBe(expected.AddDays(4));
    }

    private static readonly ServiceRequestSubmitted PaidSubmitted = Submitted with { ServiceCode = "BUILDING-PERMIT", IsPaid = true };

    private static readonly object[] AwaitingPayment = [PaidSubmitted, new FeeAssessed(RequestId, 1, [], Money.Ils(100m), T0)];

    private static readonly object[] Ask = [new InformationRequested(RequestId, Info, "ID?", Officer, T0.AddDays(1))];

    private static readonly object[] Reject = [new RequestRejected(RequestId, "ineligible", "No", null, Officer, T0.AddDays(2))];

    private static readonly object[] Approve = [new RequestApproved(RequestId, "ok", null, Officer, T0.AddDays(2))];

    private static readonly object[] Issue = [new DocumentIssued(RequestId, "ABCDEFGHJKLMNPQR", "JOBSEEKER-REGISTRATION", Officer, T0.AddDays(3))];

    // Any lengths: the projection knows none (they are configuration), the sweep adds them to the starts.
    private const int PaymentDays = 14;
    private const int ResponseDays = 30;
    private static readonly TimeSpan AppealWindow = TimeSpan.FromDays(30);

    /// <summary>Histories by command: the row is stored once per command, after all of its events (one transaction).</summary>
    public static TheoryData<string, object[][]> Waits => new()
    {
        { "awaiting payment", [AwaitingPayment] },
        { "partly paid", [AwaitingPayment, [new PaymentConfirmed(RequestId, "P1", Money.Ils(40m), Money.Ils(40m), Officer, T0.AddDays(1))]] },
        { "paid", [AwaitingPayment, [new PaymentConfirmed(RequestId, "P1", Money.Ils(100m), Money.Ils(100m), Officer, T0.AddDays(1)),
            new StepEntered(RequestId, 0, "MOL", T0.AddDays(1)), new SlaClockStarted(RequestId, T0.AddDays(1), Due)]] },
        { "withdrawn unpaid", [AwaitingPayment, [new RequestWithdrawn(RequestId, "changed my mind", Citizen, T0.AddDays(2))]] },
        { "abandoned unpaid", [AwaitingPayment, [new RequestAbandoned(RequestId, AbandonReason.PaymentNotReceived, T0.AddDays(14))]] },
        { "asked", [Queued, Ask] },
        { "asked, answered, asked again", [Queued, Ask, [new ApplicantResponded(RequestId, Info, "Here", [], 3, Due.AddDays(3), Citizen, T0.AddDays(4))],
            [new InformationRequested(RequestId, OtherInfo, "And the diploma?", Officer, T0.AddDays(5))]] },
        { "asked, withdrawn", [Queued, Ask, [new RequestWithdrawn(RequestId, "changed my mind", Citizen, T0.AddDays(2))]] },
        { "asked, abandoned", [Queued, Ask, [new RequestAbandoned(RequestId, AbandonReason.ApplicantDidNotRespond, T0.AddDays(31))]] },
        { "rejected", [Queued, Reject] },
        { "rejected, closed", [Queued, Reject, [new RequestClosed(RequestId, ServiceRequestStatus.Rejected, T0.AddDays(32))]] },
        { "rejected, appealed, rejected again", [Queued, Reject, [new RequestReopened(RequestId, "I am eligible", Citizen, T0.AddDays(3)),
            new StepEntered(RequestId, 0, "MOL", T0.AddDays(3)), new SlaClockStarted(RequestId, T0.AddDays(3), Due.AddDays(5))],
            [new RequestRejected(RequestId, "ineligible", "Still no", null, Officer, T0.AddDays(6))]] },
        { "approved, not issued", [Queued, Approve] },
        { "issued", [Queued, Approve, Issue] },
        { "issued, closed", [Queued, Approve, Issue, [new RequestClosed(RequestId, ServiceRequestStatus.Issued, T0.AddDays(33))]] },
    };

    [Theory]
    [MemberData(nameof(Waits))]
    public void After_every_command_each_wait_runs_exactly_while_its_timer_would_act_once_the_configured_days_pass(string history, object[][] commands)
    {
        var far = T0.AddYears(1);
        for (var count = 1; count <= commands.Length; count++)
        {
            object[] prefix = [.. commands[..count].SelectMany(c => c)];
            var row = Project(prefix);
            var request = prefix.Aggregate((ServiceRequest?)null, ServiceRequest.Evolve)!;
            var step = $"{history}, after {count} commands";
            if (row.FeeAssessedAt is { } unpaid)
            {
                LifecycleDecisions.AbandonIfUnpaid(request, unpaid.AddDays(PaymentDays)).ShouldNotBeEmpty(step);
            }
            else
            {
                LifecycleDecisions.AbandonIfUnpaid(request, far).ShouldBeEmpty($"{step}: no payment wait, so the timer never acts");
            }
            if (row.InformationRequestedAt is { } asked)
            {
                LifecycleDecisions.AbandonIfNoResponse(request, row.InformationRequestId!.Value, asked.AddDays(ResponseDays)).ShouldNotBeEmpty(step);
            }
            else
            {
                row.InformationRequestId.ShouldBeNull(step);
                LifecycleDecisions.AbandonIfNoResponse(request, request.OpenInformationRequest ?? Info, far).ShouldBeEmpty($"{step}: no open question");
            }
            if (row.DecidedAt is { } decided)
            {
                LifecycleDecisions.CloseAfterAppealWindow(request, AppealWindow, decided + AppealWindow).ShouldNotBeEmpty(step);
            }
            else
            {
                LifecycleDecisions.CloseAfterAppealWindow(request, AppealWindow, far).ShouldBeEmpty($"{step}: no appeal window runs");
            }
        }
    }

    [Fact]
    public void Each_wait_starts_at_the_instant_of_its_event_in_UTC()
    {
        var local = TimeSpan.FromHours(2);
        var assessed = new DateTimeOffset(2026, 1, 8, 10, 0, 0, local);
        Project([PaidSubmitted, new FeeAssessed(RequestId, 1, [], Money.Ils(100m), assessed)]).FeeAssessedAt.ShouldBe(assessed);
        Project([PaidSubmitted, new FeeAssessed(RequestId, 1, [], Money.Ils(100m), assessed)]).FeeAssessedAt!.Value.Offset.ShouldBe(TimeSpan.Zero);

        var asked = Project([.. Queued, new InformationRequested(RequestId, OtherInfo, "ID?", Officer, T0.AddDays(1))]);
        asked.InformationRequestedAt.ShouldBe(T0.AddDays(1));
        asked.InformationRequestId.ShouldBe(OtherInfo);

        Project([.. Queued, .. Reject]).DecidedAt.ShouldBe(T0.AddDays(2));
        Project([.. Queued, .. Approve, .. Issue]).DecidedAt.ShouldBe(T0.AddDays(3), "the appeal window runs from the issued document, as its message was scheduled");
    }

    /// <summary>
    /// The timers as the request's row holds them after these events: folded by the row's projection, so that an event
    /// it folded without moving the timers fails here as a wrong mirror.
    /// </summary>
    private static RequestTimers Project(object[] events) => Fold(events).Timers;
}
