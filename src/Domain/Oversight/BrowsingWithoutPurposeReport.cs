using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>Report 9: staff reading a citizen's request with no work on it to justify the read.</summary>
public sealed class BrowsingWithoutPurposeReport : IOversightReport
{
    public const string Name = "browsing-without-purpose";

    public ReportDescriptor Descriptor { get; } = new(9, Name, "Browsing without purpose",
        "A CitizenDataViewed event by an officer or supervisor where, at the time of the view, the viewer was not the request's assignee, had not acted on the request before (no event by them, no assignment to them), did not act on it within Oversight:ViewPurposeWindow after the view, and — with Oversight:SupervisorViewsHavePurpose — was not a supervisor of the department holding the request. A view of a request that does not exist in the store is reported too. Auditors' reads are their mandate and are not judged.",
        ["no-assignment", "unknown-request"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        foreach (var view in data.Views)
        {
            var viewed = (CitizenDataViewed)view.Data;
            var viewer = viewed.Viewer;
            if (!viewer.IsStaff)
            {
                continue;
            }
            if (!data.ById.TryGetValue(viewed.RequestId, out var request))
            {
                yield return new Finding(Name, "unknown-request", view.At, viewer.Subject, viewer.Department, null, viewed.RequestId,
                    $"{viewer.Subject} read data of a request that is not in the store", [view.Cite()]);
                continue;
            }
            if (HasPurpose(request, view, viewer, settings))
            {
                continue;
            }
            yield return new Finding(Name, "no-assignment", view.At, viewer.Subject, viewer.Department, request.ServiceCode, request.RequestId,
                $"{viewer.Subject} read '{viewed.What}' of a request they were not assigned to and never worked on", [view.Cite(), request.Opening?.Cite() ?? view.Cite()]);
        }
    }

    private static bool HasPurpose(RequestHistory request, OversightEvent view, Domain.Common.Actor viewer, OversightSettings settings)
    {
        var state = request.StateAt(view.At);
        if (state is not null && string.Equals(state.AssignedTo, viewer.Subject, StringComparison.Ordinal))
        {
            return true;
        }
        var until = view.At + settings.ViewPurposeWindow;
        if (request.Events.Any(e => e.At <= until
                && (OversightEvent.SamePerson(e.Actor, viewer)
                    || (e.Data is RequestAssigned a && string.Equals(a.OfficerId, viewer.Subject, StringComparison.Ordinal)))))
        {
            return true;
        }
        return settings.SupervisorViewsHavePurpose && viewer.IsSupervisor && state is not null
            && (viewer.BelongsTo(state.CurrentDepartment) || viewer.BelongsTo(state.ReferredTo));
    }
}
