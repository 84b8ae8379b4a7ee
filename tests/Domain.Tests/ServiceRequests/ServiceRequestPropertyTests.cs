using System.Collections.Concurrent;
using CsCheck;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>
/// Thousands of random command sequences from random actors (including an officer and a supervisor who are
/// the applicant, and the assisted-channel clerk). A refused command is skipped; only returned events are
/// folded. After every step the lifecycle's invariants must hold.
/// </summary>
public sealed class ServiceRequestPropertyTests
{
    public enum Kind
    {
        Pay, Claim, Assign, RequestInformation, Respond, Refer, ReturnReferral, CompleteStep, Propose, Confirm, Return,
        Issue, Revoke, Withdraw, AbandonIfUnpaid, AbandonIfNoResponse, Close, Reopen, CheckSla,

        /// <summary>Whatever command would move the request on from its current status (keeps long paths reachable).</summary>
        Progress,
    }

    /// <param name="Actor">An index into <see cref="Actors"/>, or <see cref="TheAssignee"/> / <see cref="AColleague"/>.</param>
    /// <param name="A">A choice among the command's options (payment reference, officer, outcome…).</param>
    /// <param name="B">A second choice (amount, mode, reason code…).</param>
    public sealed record Step(Kind Kind, int Actor, int A, int B, int MinutesLater);

    public sealed record Scenario(bool IsPaid, bool SecondApprover, SubmissionChannel Channel, int Sla, Step[] Steps)
    {
        public override string ToString() =>
            $"Scenario(IsPaid={IsPaid}, SecondApprover={SecondApprover}, Channel={Channel}, Sla={Sla})\n  " + string.Join("\n  ", Steps);
    }

    private static readonly Actor[] Actors =
    [
        Applicant, MolgOfficer, MolgOfficer2, MolgSupervisor, CdOfficer, CdOfficer2, CdSupervisor,
        OfficerWhoIsTheApplicant, SupervisorWhoIsTheApplicant, CounterClerk, HealthOfficer, Stranger,
    ];

    /// <summary>Whoever holds the request now: makes progress likely without choosing the actor by the rules.</summary>
    private const int TheAssignee = -1;

    /// <summary>Any staff member of the department holding (or consulted on) the request other than its assignee.</summary>
    private const int AColleague = -2;

    private static Actor[] Colleagues(ServiceRequest s) =>
        [.. Actors.Where(a => (a.BelongsTo(s.CurrentDepartment) || a.BelongsTo(s.ReferredTo)) && a.Subject != s.AssignedTo)];

    private static readonly string[] OfficerIds = [.. Actors.Select(a => a.Subject), ApplicantId];
    private static readonly AssignmentMode[] Modes = [AssignmentMode.AssignedBySupervisor, AssignmentMode.Automatic, AssignmentMode.Claimed];
    private static readonly Guid[] InfoIds = [History.InfoRequestId, Guid.Parse("0190a000-0000-7000-8000-0000000000b2")];
    private static readonly string[] ReferTargets = [Health, Molg, CivilDefence, "molg"];
    private static readonly string?[] ReasonCodes = [null, "ineligible", "bogus", "failed-inspection"];
    private static readonly decimal[] Amounts = [50m, 50m, 20m, 30m, 10m, 0m, -5m, 50m];
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly WorkingCalendar Calendar = new(new HashSet<DateOnly> { new(2026, 1, 11), new(2026, 2, 1) });
    private static readonly DateTimeOffset Start = History.SubmittedAt;

    private static readonly Gen<Kind> KindGen = Gen.Frequency(
        (8, Gen.Const(Kind.Pay)), (8, Gen.Const(Kind.Claim)), (3, Gen.Const(Kind.Assign)),
        (3, Gen.Const(Kind.RequestInformation)), (4, Gen.Const(Kind.Respond)), (2, Gen.Const(Kind.Refer)),
        (3, Gen.Const(Kind.ReturnReferral)), (8, Gen.Const(Kind.CompleteStep)), (8, Gen.Const(Kind.Propose)),
        (6, Gen.Const(Kind.Confirm)), (2, Gen.Const(Kind.Return)), (6, Gen.Const(Kind.Issue)), (3, Gen.Const(Kind.Revoke)),
        (1, Gen.Const(Kind.Withdraw)), (1, Gen.Const(Kind.AbandonIfUnpaid)), (1, Gen.Const(Kind.AbandonIfNoResponse)),
        (3, Gen.Const(Kind.Close)), (3, Gen.Const(Kind.Reopen)), (3, Gen.Const(Kind.CheckSla)), (30, Gen.Const(Kind.Progress)));

    private static readonly Gen<int> ActorGen = Gen.Frequency(
        (4, Gen.Const(TheAssignee)), (4, Gen.Const(AColleague)), (3, Gen.Int[0, Actors.Length - 1]));

    // Mostly hours apart, sometimes weeks (so SLA, appeal windows and timers come into play).
    private static readonly Gen<int> MinutesGen = Gen.Frequency((8, Gen.Int[0, 60 * 48]), (1, Gen.Int[60 * 24 * 20, 60 * 24 * 40]));

    private static readonly Gen<Step> StepGen = Gen.Select(KindGen, ActorGen, Gen.Int[0, 15], Gen.Int[0, 7], MinutesGen)
        .Select((kind, actor, a, b, minutes) => new Step(kind, actor, a, b, minutes));

    private static readonly Gen<Scenario> ScenarioGen = Gen.Select(
            Gen.Int[0, 5].Select(i => i > 0), Gen.Bool, Gen.OneOf(SubmissionChannel.Online, SubmissionChannel.Assisted),
            Gen.Int[1, 5], StepGen.Array[1, 50])
        .Select((paid, second, channel, sla, steps) => new Scenario(paid, second, channel, sla, steps));

    private static readonly ConcurrentDictionary<string, bool> Seen = new();
    private static readonly ConcurrentDictionary<string, int> Counts = new();

    [Fact]
    public void Random_command_sequences_never_break_the_lifecycle_rules()
    {
        ScenarioGen.Sample(Run, iter: 5_000, print: s => s.ToString());

        // The generator must actually reach the interesting corners, or the properties prove little.
        string[] reached =
        [
            nameof(ServiceRequestStatus.Issued), nameof(ServiceRequestStatus.Closed), nameof(ServiceRequestStatus.Reopened),
            nameof(ServiceRequestStatus.Abandoned), nameof(ServiceRequestStatus.Withdrawn), nameof(ServiceRequestStatus.AwaitingApproval),
            nameof(ServiceRequestStatus.Referred), nameof(ServiceRequestStatus.AwaitingApplicant), nameof(ServiceRequestStatus.Rejected),
            nameof(DocumentRevoked), nameof(DecisionReturned), nameof(RequestMarkedOverdue), nameof(ApplicantResponded),
            "maker_checker", "self_dealing", "assisted_submitter", "fee_not_paid", "request_closed",
        ];
        TestContext.Current.TestOutputHelper?.WriteLine(
            "Sequences reaching each status: " + string.Join(", ", Counts.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")));
        reached.Where(r => !Seen.ContainsKey(r)).ShouldBeEmpty();
    }

    private static void Run(Scenario scenario)
    {
        List<object> events = [.. Submit(scenario)];
        var state = GivenWhenThen.Given([.. events]);
        var now = Start;
        var visited = new HashSet<string>();
        foreach (var step in scenario.Steps)
        {
            now = now.AddMinutes(step.MinutesLater);
            var before = GivenWhenThen.Serialize(state);
            IReadOnlyList<object> produced;
            try
            {
                produced = Decide(step, state, now);
            }
            catch (DomainException refused)
            {
                Seen.TryAdd(refused.Code, true);
                GivenWhenThen.Serialize(state).ShouldBe(before, "a refused command leaves the state as it was");
                continue;
            }

            CheckProduced(state, produced);
            events.AddRange(produced);
            state = produced.Aggregate(state, (s, e) => ServiceRequest.Evolve(s, e)!);
            Seen.TryAdd(state.Status.ToString(), true);
            visited.Add(state.Status.ToString());
            foreach (var e in produced)
            {
                Seen.TryAdd(e.GetType().Name, true);
            }
            CheckState(state, events);
        }
        foreach (var status in visited)
        {
            Counts.AddOrUpdate(status, 1, (_, count) => count + 1);
        }
    }

    private static IReadOnlyList<object> Submit(Scenario scenario)
    {
        var service = new Service(
            CatalogIds.Service(History.ServiceCode), History.ServiceCode, Molg, History.ServiceName, [], scenario.IsPaid,
            [new WorkflowStep(Molg, new("مراجعة", "Review")), new WorkflowStep(CivilDefence, new("دفاع مدني", "Civil defence"))],
            scenario.SecondApprover, scenario.Sla,
            [new FeeSchedule(1, new DateOnly(2025, 1, 1), [new FeeLine("base", new("رسم", "Fee"), History.Fee)])],
            ServiceStatus.Published);
        var submitter = scenario.Channel == SubmissionChannel.Assisted ? CounterClerk : Applicant;
        var command = new SubmitRequest(History.RequestId, ApplicantId, submitter, scenario.Channel, new Dictionary<string, string?>());
        return SubmitDecision.Decide(command, service, Start, Calendar);
    }

    private static IReadOnlyList<object> Decide(Step step, ServiceRequest s, DateTimeOffset now)
    {
        if (step.Kind == Kind.Progress)
        {
            return Decide(NextMove(step, s), s, now);
        }
        var actor = step.Actor switch
        {
            TheAssignee => Actors.FirstOrDefault(a => a.Subject == s.AssignedTo) ?? Stranger,
            AColleague => Colleagues(s) is { Length: > 0 } colleagues ? colleagues[step.A % colleagues.Length] : Stranger,
            _ => Actors[step.Actor],
        };
        return step.Kind switch
        {
            Kind.Pay => PaymentDecision.ConfirmPayment(
                s, $"PAY-{step.A % 4}", new Money(Amounts[step.B], step.A == 15 ? "JOD" : Money.Shekel), PaymentsSystem, now, Calendar),
            Kind.Claim => AssignmentDecisions.Claim(s, actor, now),
            Kind.Assign => AssignmentDecisions.Assign(s, OfficerIds[step.A % OfficerIds.Length], Modes[step.B % Modes.Length], actor, now),
            Kind.RequestInformation => ReviewDecisions.RequestInformation(s, InfoIds[step.A % 2], "Please send the site plan", actor, now),
            Kind.Respond => ReviewDecisions.Respond(s, InfoIds[step.A % 2], "Sent", [], actor, now, Calendar),
            Kind.Refer => ReviewDecisions.Refer(s, ReferTargets[step.A % ReferTargets.Length], "Your opinion please", actor, now),
            Kind.ReturnReferral => ReviewDecisions.ReturnReferral(s, "No objection", actor, now),
            Kind.CompleteStep => ReviewDecisions.CompleteStep(s, "ok", actor, now),
            Kind.Propose => DecidingDecisions.Propose(
                s, (DecisionOutcome)(step.A % 2), ReasonCodes[step.B % ReasonCodes.Length], step.B == 7 ? " " : "Decided on the file", actor, now),
            Kind.Confirm => DecidingDecisions.Confirm(s, step.B % 2 == 0 ? "" : "Agreed", actor, now),
            Kind.Return => DecidingDecisions.Return(s, "Look again", actor, now),
            Kind.Issue => IssueDecisions.Issue(s, $"MG-{step.A}", actor, now),
            Kind.Revoke => IssueDecisions.Revoke(s, "Obtained by fraud", actor, now),
            Kind.Withdraw => LifecycleDecisions.Withdraw(s, "", actor, now),
            Kind.AbandonIfUnpaid => LifecycleDecisions.AbandonIfUnpaid(s, now),
            Kind.AbandonIfNoResponse => LifecycleDecisions.AbandonIfNoResponse(s, InfoIds[step.A % 2], now),
            Kind.Close => LifecycleDecisions.CloseAfterAppealWindow(s, Window, now),
            Kind.Reopen => LifecycleDecisions.Reopen(s, "New evidence", actor, Window, now, WorkingCalendar.Standard),
            Kind.CheckSla => LifecycleDecisions.CheckSla(s, now),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
    }

    /// <summary>
    /// The command that would move the request on. A "natural" actor choice (the assignee or a colleague) becomes
    /// the actor that command needs; any other actor is kept, so Progress steps also try the wrong people.
    /// </summary>
    private static Step NextMove(Step step, ServiceRequest s)
    {
        var natural = step.Actor is TheAssignee or AColleague;
        var applicant = natural ? 0 : step.Actor;
        var (kind, actor, a, b) = s.Status switch
        {
            ServiceRequestStatus.AwaitingPayment => (Kind.Pay, step.Actor, step.A % 15, 0),
            ServiceRequestStatus.InReview or ServiceRequestStatus.Reopened when s.AssignedTo is null => (Kind.Claim, natural ? AColleague : step.Actor, step.A, step.B),
            ServiceRequestStatus.InReview or ServiceRequestStatus.Reopened when !s.IsLastStep && step.B > 0 => (Kind.CompleteStep, step.Actor is AColleague ? TheAssignee : step.Actor, step.A, step.B),
            ServiceRequestStatus.InReview or ServiceRequestStatus.Reopened => (Kind.Propose, step.Actor is AColleague ? TheAssignee : step.Actor, step.A, step.B % 7),
            ServiceRequestStatus.AwaitingApproval => (step.B == 0 ? Kind.Return : Kind.Confirm, natural ? AColleague : step.Actor, step.A, step.B),
            ServiceRequestStatus.AwaitingApplicant => (Kind.Respond, applicant, s.OpenInformationRequest == InfoIds[0] ? 0 : 1, step.B),
            ServiceRequestStatus.Referred => (Kind.ReturnReferral, natural ? AColleague : step.Actor, step.A, step.B),
            ServiceRequestStatus.Approved => (Kind.Issue, natural ? AColleague : step.Actor, step.A, step.B),
            ServiceRequestStatus.Issued => (step.B < 2 ? Kind.Revoke : Kind.Close, natural ? AColleague : step.Actor, step.A, step.B),
            ServiceRequestStatus.Rejected => (step.B < 4 ? Kind.Reopen : Kind.Close, applicant, step.A, step.B),
            _ => (Kind.CheckSla, step.Actor, step.A, step.B),
        };
        return step with { Kind = kind, Actor = actor, A = a, B = b };
    }

    private static readonly HashSet<Type> ApplicantsOwnActions = [typeof(RequestWithdrawn), typeof(ApplicantResponded), typeof(RequestReopened)];

    /// <summary>Rules about what a command may produce, given the state it saw.</summary>
    private static void CheckProduced(ServiceRequest before, IReadOnlyList<object> produced)
    {
        // (e) a withdrawn, abandoned or closed request produces nothing more. The one exception by design: a document
        // issued before closing can still be revoked (fraud found later).
        if (before.IsFinal)
        {
            produced.Where(e => !(e is DocumentRevoked && before.Status == ServiceRequestStatus.Closed)).ShouldBeEmpty(
                $"the request was {before.Status}");
        }

        foreach (var e in produced)
        {
            // (c) maker-checker; and with a second approver every final decision has a distinct maker.
            var (proposedBy, by) = e switch
            {
                RequestApproved a => (a.ProposedBy, a.By),
                RequestRejected r => (r.ProposedBy, r.By),
                _ => ((string?)null, (Actor?)null),
            };
            if (by is not null)
            {
                proposedBy.ShouldNotBe(by.Subject, "the maker approved their own proposal");
                (proposedBy is not null).ShouldBe(before.RequiresSecondApprover, "a second approver is required exactly when the service says so");
            }

            // (d) the applicant (under any staff identity) acts only as the applicant; the assisted clerk not at all.
            if (e.GetType().GetProperty("By")?.GetValue(e) is Actor actor)
            {
                if (actor.NationalId == before.ApplicantId)
                {
                    ApplicantsOwnActions.ShouldContain(e.GetType(), $"{actor.Subject} is the applicant and produced {e.GetType().Name}");
                }
                if (before.Channel == SubmissionChannel.Assisted)
                {
                    actor.Subject.ShouldNotBe(before.SubmittedBy.Subject, $"the assisted submitter produced {e.GetType().Name}");
                }

                // (g) staff act only for the department that owns the current step (or, returning a referral, the
                // department consulted); only the step's assignee works it, and confirming is a supervisor's.
                if (actor.IsStaff && !ApplicantsOwnActions.Contains(e.GetType()))
                {
                    var department = e is ReferralReturned ? before.ReferredTo : before.CurrentDepartment;
                    actor.BelongsTo(department).ShouldBeTrue($"{actor.Subject} of {actor.Department} produced {e.GetType().Name} at {department}");
                    if (e is InformationRequested or RequestReferred or StepCompleted or DecisionProposed
                        || ((e is RequestApproved or RequestRejected) && !before.RequiresSecondApprover))
                    {
                        actor.Subject.ShouldBe(before.AssignedTo, $"{e.GetType().Name} by someone other than the assignee");
                    }
                    if ((e is RequestApproved or RequestRejected or DecisionReturned) && before.RequiresSecondApprover)
                    {
                        actor.IsSupervisor.ShouldBeTrue("a checker who is not a supervisor");
                    }
                }
            }

            if (e is RequestWithdrawn)
            {
                before.IsDecided.ShouldBeFalse("a decided request was withdrawn");
            }
            if (e is RequestMarkedOverdue)
            {
                before.Status.ShouldNotBe(ServiceRequestStatus.AwaitingApplicant, "a paused clock went overdue");
            }
        }
    }

    private static readonly ServiceRequestStatus[] BeforeReview =
        [ServiceRequestStatus.Submitted, ServiceRequestStatus.AwaitingPayment, ServiceRequestStatus.Withdrawn, ServiceRequestStatus.Abandoned];

    private static void CheckState(ServiceRequest state, List<object> events)
    {
        // (a) a paid request is never reviewed, referred, decided or issued before its fee is paid in full.
        if (!state.IsFullyPaid)
        {
            BeforeReview.ShouldContain(state.Status, "an unpaid request moved past payment");
        }

        // (b) never issued without an approval and full payment.
        if (state.Status == ServiceRequestStatus.Issued || state.VerificationCode is not null)
        {
            var issued = events.FindIndex(e => e is DocumentIssued);
            events.Take(issued).OfType<RequestApproved>().ShouldNotBeEmpty("issued without an approval");
            state.IsFullyPaid.ShouldBeTrue("issued without full payment");
        }

        // (f) the fold is deterministic, and the step-by-step state is the state a fresh fold gives.
        var once = GivenWhenThen.Serialize(GivenWhenThen.Given([.. events]));
        var twice = GivenWhenThen.Serialize(GivenWhenThen.Given([.. events]));
        twice.ShouldBe(once);
        GivenWhenThen.Serialize(state).ShouldBe(once);
    }
}
