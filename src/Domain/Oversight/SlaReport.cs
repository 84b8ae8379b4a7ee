using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>Report 4: SLA breaches (working days used, minus days waiting for the applicant) and stalled requests.</summary>
public sealed class SlaReport : IOversightReport
{
    public const string Name = "sla-breaches";

    public ReportDescriptor Descriptor { get; } = new(4, Name, "SLA breaches and stalls",
        "Each SlaClockStarted opens a clock run that ends at the next decision (RequestApproved/RequestRejected), withdrawal, abandonment or new clock. Working days used = working days of the calendar in (start date, end date] minus, for each pause (InformationRequested until ApplicantResponded, or until the end while still waiting), the working days in (pause date, resume date]; all dates Palestine local. A run that used more working days than the service's SLA is a breach: 'sla-breached' when decided, 'sla-overdue-open' when still open at the report's as-of instant. 'stalled': a request held by staff (InReview, Referred, AwaitingApproval, Approved, Reopened) with no event other than the system's flags (RequestMarkedOverdue, RequestEscalated, PotentialDuplicateFlagged) for more than Oversight:StallWorkingDays working days before the as-of instant; its time is the day the threshold was crossed.",
        ["sla-breached", "sla-overdue-open", "stalled"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        var asOf = scope.AsOf;
        foreach (var request in data.Requests.Where(r => r.Submitted is not null))
        {
            var events = request.Events.Where(e => e.At <= asOf).ToList();
            foreach (var finding in Breaches(request, events, data, asOf))
            {
                yield return finding;
            }
            if (Stall(request, events, data, settings, asOf) is { } stall)
            {
                yield return stall;
            }
        }
    }

    private static IEnumerable<Finding> Breaches(RequestHistory request, List<OversightEvent> events, OversightData data, DateTimeOffset asOf)
    {
        var sla = request.Submitted!.SlaWorkingDays;
        OversightEvent? clock = null;
        var pauses = new List<(OversightEvent Start, OversightEvent? End)>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case SlaClockStarted:
                    clock = e;
                    pauses.Clear();
                    break;
                case InformationRequested when clock is not null:
                    pauses.Add((e, null));
                    break;
                case ApplicantResponded when clock is not null && pauses.Count > 0 && pauses[^1].End is null:
                    pauses[^1] = (pauses[^1].Start, e);
                    break;
                case RequestApproved or RequestRejected when clock is not null:
                    if (Used(clock, e.At, pauses, data, asOf) is var used && used > sla)
                    {
                        yield return Make(request, e, "sla-breached", e.Actor?.Subject,
                            $"decided after {used} working days (SLA {sla}, {Paused(pauses, data, asOf)} paused)", clock, pauses, e);
                    }
                    clock = null;
                    break;
                case RequestWithdrawn or RequestAbandoned:
                    clock = null;
                    break;
            }
        }
        if (clock is not null && Used(clock, asOf, pauses, data, asOf) is var open && open > sla && !(pauses.Count > 0 && pauses[^1].End is null))
        {
            var last = events[^1];
            var state = request.StateAt(asOf);
            // Dated the day the SLA was exceeded, so the finding falls in the period where it happened.
            var paused = Paused(pauses, data, asOf);
            var crossed = PalestineTime.FromLocal(data.Calendar.AddWorkingDays(PalestineTime.LocalDate(clock.At), sla + paused + 1).ToDateTime(TimeOnly.MinValue));
            yield return Make(request, last, "sla-overdue-open", state?.AssignedTo,
                $"still open after {open} working days (SLA {sla}, {paused} paused)", clock, pauses, null, crossed);
        }
    }

    private static Finding? Stall(RequestHistory request, List<OversightEvent> events, OversightData data, OversightSettings settings, DateTimeOffset asOf)
    {
        var state = events.Aggregate((ServiceRequest?)null, (s, e) => ServiceRequest.Evolve(s, e.Data));
        if (state?.Status is not (ServiceRequestStatus.InReview or ServiceRequestStatus.Referred or ServiceRequestStatus.AwaitingApproval
            or ServiceRequestStatus.Approved or ServiceRequestStatus.Reopened))
        {
            return null;
        }
        // The system's own flags (overdue, escalated) are not work on the request.
        var last = events.LastOrDefault(e => e.Data is not (RequestMarkedOverdue or RequestEscalated or PotentialDuplicateFlagged));
        if (last is null)
        {
            return null;
        }
        var lastDate = PalestineTime.LocalDate(last.At);
        var idle = data.Calendar.WorkingDaysBetween(lastDate, PalestineTime.LocalDate(asOf));
        if (idle <= settings.StallWorkingDays)
        {
            return null;
        }
        var crossed = PalestineTime.FromLocal(data.Calendar.AddWorkingDays(lastDate, settings.StallWorkingDays + 1).ToDateTime(TimeOnly.MinValue));
        return new Finding(Name, "stalled", crossed, state.AssignedTo, state.ReferredTo ?? state.CurrentDepartment, request.ServiceCode, request.RequestId,
            $"{state.Status}, no event for {idle} working days (threshold {settings.StallWorkingDays}); last: {last.Type}", [last.Cite()]);
    }

    private static int Used(OversightEvent clock, DateTimeOffset end, List<(OversightEvent Start, OversightEvent? End)> pauses, OversightData data, DateTimeOffset asOf) =>
        data.Calendar.WorkingDaysBetween(PalestineTime.LocalDate(clock.At), PalestineTime.LocalDate(end)) - Paused(pauses, data, asOf);

    private static int Paused(List<(OversightEvent Start, OversightEvent? End)> pauses, OversightData data, DateTimeOffset asOf) =>
        pauses.Sum(p => data.Calendar.WorkingDaysBetween(PalestineTime.LocalDate(p.Start.At), PalestineTime.LocalDate(p.End?.At ?? asOf)));

    private static Finding Make(RequestHistory request, OversightEvent at, string rule, string? officer, string summary,
        OversightEvent clock, List<(OversightEvent Start, OversightEvent? End)> pauses, OversightEvent? decision, DateTimeOffset? when = null) =>
        new(Name, rule, when ?? at.At, officer, request.DepartmentAt(at), request.ServiceCode, request.RequestId, summary,
            [clock.Cite(), .. pauses.SelectMany(p => new[] { p.Start, p.End }).OfType<OversightEvent>().Select(p => p.Cite()), .. decision is null ? Array.Empty<Evidence>() : [decision.Cite()]]);
}
