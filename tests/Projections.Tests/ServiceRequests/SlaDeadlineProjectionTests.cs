using System.Reflection;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;
using static MyGovernment.Projections.Tests.ServiceRequests.EventSequence;

namespace MyGovernment.Projections.Tests.ServiceRequests;

/// <summary>
/// The SLA deadline row mirrors the SLA decision: after every prefix of each history, the sweep's instant is set
/// exactly when <see cref="LifecycleDecisions.CheckSla"/> on the write model would flag the request from that instant
/// on (and not a moment before), and it is null when the decision could not act at any time.
/// </summary>
public sealed class SlaDeadlineProjectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 8, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Due = new(2026, 1, 15);
    private static readonly Actor Citizen = new("citizen-1", "citizen", null, "123456782");
    private static readonly Actor Officer = new("officer-1", "officer", "MOL");
    private static readonly Guid Info = Guid.Parse("0190a000-0000-7000-8000-0000000000b1");

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

    /// <summary>Folds the events the projection handles, as Marten does (the others leave the row unchanged).</summary>
    private static SlaDeadline Project(object[] events)
    {
        var row = SlaDeadlineProjection.Create((ServiceRequestSubmitted)events[0]);
        foreach (var e in events[1..])
        {
            var apply = typeof(SlaDeadlineProjection).GetMethod("Apply", BindingFlags.Public | BindingFlags.Static, [e.GetType(), typeof(SlaDeadline)]);
            row = apply is null ? row : (SlaDeadline)apply.Invoke(null, [e, row])!;
        }
        return row;
    }
}
