using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Staff;

public enum AssignmentPolicy
{
    /// <summary>Officers claim requests and supervisors assign them; nothing is automatic.</summary>
    Manual,

    /// <summary>The next officer on the roster after the one assigned last, in a fixed order.</summary>
    RoundRobin,

    /// <summary>The officer with the fewest open assignments; ties go round the roster in a fixed order.</summary>
    LeastLoaded,
}

/// <summary>
/// Chooses who gets a request, so that neither the applicant nor a favoured officer picks the handler: automatic
/// assignment makes collusion harder (DESIGN §5.2).
/// </summary>
public static class AutomaticAssignment
{
    /// <param name="openAssignments">Open requests per officer of the department (missing means none).</param>
    /// <param name="lastAssigned">The officer the previous automatic assignment in this department went to.</param>
    public static string? Choose(
        AssignmentPolicy policy, DepartmentRoster? roster, ServiceRequest request,
        IReadOnlyDictionary<string, int> openAssignments, string? lastAssigned)
    {
        if (policy == AssignmentPolicy.Manual || roster is null)
        {
            return null;
        }
        var eligible = roster.Officers
            .Where(o => o.NationalId != request.ApplicantId && o.OfficerId != request.SubmittedBy.Subject
                && (o.NationalId is null || o.NationalId != request.SubmittedBy.NationalId))
            .Select(o => o.OfficerId)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        // Fixed order starting after the last one assigned: that is round robin, and the tie-break for least loaded.
        var start = lastAssigned is null ? 0 : eligible.FindIndex(o => string.CompareOrdinal(o, lastAssigned) > 0);
        var rotation = eligible.Skip(start < 0 ? 0 : start).Concat(eligible.Take(start < 0 ? 0 : start)).ToList();
        return policy == AssignmentPolicy.RoundRobin
            ? rotation[0]
            : rotation.MinBy(o => openAssignments.GetValueOrDefault(o));
    }
}
