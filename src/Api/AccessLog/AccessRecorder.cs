using System.Diagnostics;
using System.Security.Claims;
using Marten;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Metadata;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.AccessLog;

/// <summary>
/// Records that someone other than the applicant read the applicant's data (DESIGN §7 access log). The citizen's
/// own reads are not logged. The record is an event, so it is as tamper-evident as the data it is about.
/// </summary>
public static class AccessRecorder
{
    public static Task RecordAsync(IDocumentSession session, ClaimsPrincipal user, ServiceRequestDetails request, string what, TimeProvider clock, CancellationToken ct) =>
        RecordAsync(session, user, request.ApplicantId, request.Id, what, clock, ct);

    /// <summary>A read of a payment's data (payer, amount, provider references) by finance or an auditor.</summary>
    public static Task RecordAsync(IDocumentSession session, ClaimsPrincipal user, PaymentDetails payment, string what, TimeProvider clock, CancellationToken ct) =>
        RecordAsync(session, user, payment.PayerId, payment.RequestId, what, clock, ct);

    private static async Task RecordAsync(
        IDocumentSession session, ClaimsPrincipal user, string citizen, Guid requestId, string what, TimeProvider clock, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Citizen) && user.ApplicantId() == citizen)
        {
            return;
        }
        var actor = user.ToActor();
        var now = clock.GetUtcNow();
        // A read is not a Wolverine message, so the HTTP trace is the correlation and the read itself the cause.
        EventMetadata.Apply(session, actor, Activity.Current?.TraceId.ToHexString(), "read:" + what, now);
        session.Events.Append(AccessLogStreams.For(citizen), new CitizenDataViewed(citizen, requestId, what, actor, now));
        await session.SaveChangesAsync(ct);
    }
}
