using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>Report 8: decisions taken outside the working calendar and hours.</summary>
public sealed class AfterHoursDecisionsReport : IOversightReport
{
    public const string Name = "after-hours-decisions";

    public ReportDescriptor Descriptor { get; } = new(8, Name, "After-hours decisions",
        "A decision event by staff (DecisionProposed, DecisionReturned, RequestApproved, RequestRejected, StepCompleted, DocumentIssued) whose business time, in Palestine local time, falls on a day that is not a working day (outside Oversight:WorkingDays, or a public holiday of the catalog calendar) or outside [Oversight:WorkdayStart, Oversight:WorkdayEnd).",
        ["non-working-day", "outside-working-hours"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        foreach (var request in data.Requests)
        {
            foreach (var e in request.Events.Where(e => IsDecision(e.Data) && e.Actor is { IsStaff: true }))
            {
                if (WorkingHours.Outside(e.At, settings, data.Calendar) is { } rule)
                {
                    var local = PalestineTime.ToLocal(e.At);
                    yield return new Finding(Name, rule, e.At, e.Actor!.Subject, e.Actor.Department ?? request.DepartmentAt(e), request.ServiceCode, request.RequestId,
                        $"{e.Type} by {e.Actor.Subject} on {local:dddd yyyy-MM-dd} at {local:HH:mm} local time", [e.Cite()]);
                }
            }
        }
    }

    private static bool IsDecision(object data) =>
        data is DecisionProposed or DecisionReturned or RequestApproved or RequestRejected or StepCompleted or DocumentIssued;
}
