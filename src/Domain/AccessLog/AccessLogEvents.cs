using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.AccessLog;

/// <summary>
/// Someone other than the citizen read the citizen's data. Appended to the citizen's access-log stream, so the
/// citizen can see who looked, when, in which role and for which request; covered by the same tamper evidence as
/// every other event. A stored contract.
/// </summary>
public sealed record CitizenDataViewed(string CitizenId, Guid RequestId, string What, Actor Viewer, DateTimeOffset At);

public static class AccessLogStreams
{
    public static Guid For(string citizenId) => NameBasedId.For("access-log", citizenId);
}
