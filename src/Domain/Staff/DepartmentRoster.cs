using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Staff;

public sealed record RosterEntry(string OfficerId, string? NationalId, string Role);

/// <summary>Write model of a department's roster: the officers automatic assignment may choose from.</summary>
public sealed record DepartmentRoster(Guid Id, string DepartmentCode, IReadOnlyList<RosterEntry> Officers)
{
    public static Guid StreamId(string departmentCode) => NameBasedId.For("roster", departmentCode.ToUpperInvariant());

    public static DepartmentRoster? Evolve(DepartmentRoster? state, object @event) => @event switch
    {
        OfficerEnrolled e => (state ?? new DepartmentRoster(StreamId(e.DepartmentCode), e.DepartmentCode, [])) with
        {
            Officers = [.. (state?.Officers ?? []).Where(o => o.OfficerId != e.OfficerId), new RosterEntry(e.OfficerId, e.NationalId, e.Role)],
        },
        OfficerUnenrolled e when state is not null => state with { Officers = [.. state.Officers.Where(o => o.OfficerId != e.OfficerId)] },
        _ => state,
    };
}

public static class RosterDecisions
{
    /// <summary>An administrator, or a supervisor of the department, puts an officer on its roster.</summary>
    public static IReadOnlyList<object> Enroll(
        DepartmentRoster? roster, string department, string officerId, string? nationalId, string role, Actor by, DateTimeOffset now)
    {
        MayManage(department, by);
        nationalId = NationalId.Normalise(nationalId);
        if (role is not ("officer" or "supervisor"))
        {
            throw new DomainException("invalid_role", "Only officers and supervisors can be on a department roster.");
        }
        if (nationalId is not null && !NationalId.IsValid(nationalId))
        {
            throw new FieldValidationException(new Dictionary<string, string[]> { ["nationalId"] = ["'nationalId' must be a valid 9-digit national ID."] });
        }
        var existing = roster?.Officers.FirstOrDefault(o => o.OfficerId == officerId);
        if (existing is not null && existing.NationalId == nationalId && existing.Role == role)
        {
            return [];
        }
        return [new OfficerEnrolled(department, officerId, nationalId, role, by, now)];
    }

    public static IReadOnlyList<object> Unenroll(DepartmentRoster? roster, string department, string officerId, string reason, Actor by, DateTimeOffset now)
    {
        MayManage(department, by);
        return roster?.Officers.Any(o => o.OfficerId == officerId) == true
            ? [new OfficerUnenrolled(department, officerId, reason, by, now)]
            : [];
    }

    private static void MayManage(string department, Actor by)
    {
        if (by.Role != "admin" && !(by.IsSupervisor && by.BelongsTo(department)))
        {
            // Like reading the roster (404): a supervisor of another department is not told more than a stranger.
            throw new NotFoundException("roster_not_found", "No such department roster.");
        }
    }
}
