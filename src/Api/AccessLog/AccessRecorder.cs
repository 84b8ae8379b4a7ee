using System.Security.Claims;
using Marten;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.AccessLog;

/// <summary>
/// Records that someone other than the applicant read the applicant's data (DESIGN §7 access log). The citizen's
/// own reads are not logged. The record is an event, so it is as tamper-evident as the data it is about.
/// </summary>
public static class AccessRecorder
{
    public static async Task RecordAsync(IDocumentSession session, ClaimsPrincipal user, ServiceRequestDetails request, string what, TimeProvider clock, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Citizen) && user.ApplicantId() == request.ApplicantId)
        {
            return;
        }
        session.Events.Append(AccessLogStreams.For(request.ApplicantId),
            new CitizenDataViewed(request.ApplicantId, request.Id, what, user.ToActor(), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }
}
