using System.Diagnostics;
using Marten;
using MyGovernment.Application.Metadata;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Common;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Application.AccessLog;

/// <summary>
/// Records that someone other than the applicant read the applicant's data (DESIGN §7 access log). The citizen's
/// own reads are not logged. The record is an event, so it is as tamper-evident as the data it is about.
/// </summary>
public static class AccessRecorder
{
    public const string CitizenRole = "citizen";

    public static Task RecordAsync(IDocumentSession session, Actor reader, ServiceRequestDetails request, string what, TimeProvider clock, CancellationToken ct) =>
        RecordAsync(session, reader, request.ApplicantId, request.Id, what, clock, ct);

    /// <summary>A read of a payment's data (payer, amount, provider references) by finance or an auditor.</summary>
    public static Task RecordAsync(IDocumentSession session, Actor reader, PaymentDetails payment, string what, TimeProvider clock, CancellationToken ct) =>
        RecordAsync(session, reader, payment.PayerId, payment.RequestId, what, clock, ct);

    /// <summary>
    /// A citizen reading under their own applicant id (national ID, or the subject for accounts without one). Staff
    /// who are also the applicant are still logged: they read through their office, not as the citizen.
    /// </summary>
    public static bool IsOwnRead(Actor reader, string citizen) =>
        reader.Role == CitizenRole && string.Equals(reader.NationalId ?? reader.Subject, citizen, StringComparison.Ordinal);

    private static async Task RecordAsync(
        IDocumentSession session, Actor reader, string citizen, Guid requestId, string what, TimeProvider clock, CancellationToken ct)
    {
        if (IsOwnRead(reader, citizen))
        {
            return;
        }
        var now = clock.GetUtcNow();
        // A read is not a Wolverine message, so the HTTP trace is the correlation and the read itself the cause.
        EventMetadata.Apply(session, reader, Activity.Current?.TraceId.ToHexString(), "read:" + what, now);
        session.Events.Append(AccessLogStreams.For(citizen), new CitizenDataViewed(citizen, requestId, what, reader, now));
        await session.SaveChangesAsync(ct);
    }
}
