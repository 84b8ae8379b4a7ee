using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>Report 3: requests taken and finished out of first-come-first-served order in one queue, per officer.</summary>
public sealed class QueueJumpingReport : IOversightReport
{
    public const string Name = "queue-jumping";

    public ReportDescriptor Descriptor { get; } = new(3, Name, "Queue jumping",
        "A queue is one step (index and department) of one service. A visit is a request's stay in it: from StepEntered (its EligibleAt orders the queue) to its completion there (StepCompleted, DecisionProposed, RequestApproved or RequestRejected) or its end (withdrawn, abandoned). For two visits A and B of one queue with A eligible more than Oversight:QueueTolerance before B: 'taken-ahead' — officer O was assigned B (claim or assignment) at a moment when A was already eligible, unassigned and not ended, and B was completed before A (or A never was); 'held-and-skipped' — O already held A, not paused (waiting for the applicant or referred), when O took B, and completed B before A. The finding is O's, dated at B's completion, citing both StepEntered events, B's assignment and completion, and A's completion if any.",
        ["taken-ahead", "held-and-skipped"]);

    private sealed record Visit(RequestHistory Request, OversightEvent Entered, DateTimeOffset EligibleAt, OversightEvent? Taken, string? TakenBy,
        OversightEvent? Completed, DateTimeOffset? EndedAt, IReadOnlyList<(DateTimeOffset From, DateTimeOffset? To)> Pauses)
    {
        public DateTimeOffset? CompletedAt => Completed?.At;

        public bool PausedAt(DateTimeOffset t) => Pauses.Any(p => p.From <= t && (p.To is null || t < p.To));

        public bool OpenAt(DateTimeOffset t) => (CompletedAt is null || CompletedAt > t) && (EndedAt is null || EndedAt > t);
    }

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        var queues = data.Requests.Where(r => r.Submitted is not null).SelectMany(Visits)
            .GroupBy(v => (v.Request.ServiceCode, ((StepEntered)v.Entered.Data).StepIndex, ((StepEntered)v.Entered.Data).DepartmentCode));
        foreach (var queue in queues)
        {
            var visits = queue.Where(v => v.Completed is not null && v.TakenBy is not null).OrderBy(v => v.EligibleAt).ToList();
            var all = queue.OrderBy(v => v.EligibleAt).ToList();
            foreach (var b in visits)
            {
                var bDone = b.CompletedAt!.Value;
                foreach (var a in all)
                {
                    if (a.EligibleAt + settings.QueueTolerance >= b.EligibleAt)
                    {
                        break;
                    }
                    var aFinishedLater = a.CompletedAt is null || a.CompletedAt > bDone;
                    if (!aFinishedLater)
                    {
                        continue;
                    }
                    var tB = b.Taken!.At;
                    if (a.EligibleAt <= tB && (a.Taken is null || a.Taken.At > tB) && a.OpenAt(tB))
                    {
                        yield return Make(a, b, "taken-ahead",
                            $"{b.TakenBy} took a request eligible {Format(b.EligibleAt - a.EligibleAt)} later while an earlier one waited unassigned, and finished it first");
                    }
                    else if (a.Taken is not null && a.TakenBy == b.TakenBy && a.Taken.At <= tB && a.OpenAt(tB) && !a.PausedAt(tB))
                    {
                        yield return Make(a, b, "held-and-skipped",
                            $"{b.TakenBy} took a request eligible {Format(b.EligibleAt - a.EligibleAt)} later while holding an earlier one, and finished it first");
                    }
                }
            }
        }
    }

    private static Finding Make(Visit a, Visit b, string rule, string summary) =>
        new(Name, rule, b.CompletedAt!.Value, b.TakenBy, ((StepEntered)b.Entered.Data).DepartmentCode, b.Request.ServiceCode, b.Request.RequestId,
            $"{summary} (earlier request {a.Request.RequestId})",
            [a.Entered.Cite(), b.Entered.Cite(), b.Taken!.Cite(), b.Completed!.Cite(), .. a.Completed is null ? Array.Empty<Evidence>() : [a.Completed.Cite()]]);

    private static string Format(TimeSpan span) => span.TotalDays >= 1 ? $"{span.TotalDays:0.#} days" : $"{span.TotalHours:0.#} hours";

    /// <summary>Each stay of the request in a step's queue, from its StepEntered to the next.</summary>
    private static IEnumerable<Visit> Visits(RequestHistory request)
    {
        var events = request.Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Data is not StepEntered entered)
            {
                continue;
            }
            OversightEvent? taken = null, completed = null;
            string? takenBy = null;
            DateTimeOffset? ended = null;
            var pauses = new List<(DateTimeOffset, DateTimeOffset?)>();
            for (var j = i + 1; j < events.Count && completed is null && ended is null && events[j].Data is not StepEntered; j++)
            {
                var e = events[j];
                switch (e.Data)
                {
                    case RequestAssigned a when taken is null:
                        (taken, takenBy) = (e, a.OfficerId);
                        break;
                    case InformationRequested or RequestReferred:
                        pauses.Add((e.At, null));
                        break;
                    case ApplicantResponded or ReferralReturned when pauses.Count > 0:
                        pauses[^1] = (pauses[^1].Item1, e.At);
                        break;
                    case StepCompleted s when s.StepIndex == entered.StepIndex:
                    case DecisionProposed or RequestApproved or RequestRejected:
                        completed = e;
                        break;
                    case RequestWithdrawn or RequestAbandoned or RequestClosed:
                        ended = e.At;
                        break;
                }
            }
            yield return new Visit(request, events[i], entered.EligibleAt, taken, takenBy, completed, ended, pauses);
        }
    }
}
