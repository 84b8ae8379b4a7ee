using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests.Documents;

/// <summary>
/// Follow-up of a revocation, sent through the outbox in the revocation's own transaction: find every open request
/// that referenced the document. It runs after the revocation committed, so a reference made before that is found.
/// </summary>
public sealed record FlagRevokedReferences(Guid IssuingRequestId, [property: NotPersonal] string VerificationCode, string Reason, DateTimeOffset RevokedAt)
    : LogSafeMessage;

/// <summary>One request to flag: its own message, so each request stream gets its own event under its own version check.</summary>
public sealed record FlagRevokedReference(
    Guid RequestId, Guid IssuingRequestId, [property: NotPersonal] string VerificationCode, string Reason, DateTimeOffset RevokedAt) : LogSafeMessage;

public static class FlagRevokedReferencesHandler
{
    public static async Task<OutgoingMessages> Handle(
        FlagRevokedReferences message, IDocumentSession session, IIssuedDocumentLookup documents, CancellationToken ct)
    {
        var requests = await documents.OpenRequestsReferencingAsync(session, message.VerificationCode, ct);
        var outgoing = new OutgoingMessages();
        outgoing.AddRange(requests.Select(id => new FlagRevokedReference(id, message.IssuingRequestId, message.VerificationCode, message.Reason, message.RevokedAt)));
        return outgoing;
    }
}

public static class FlagRevokedReferenceHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(FlagRevokedReference message, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(session, message.RequestId, null, ct);

    /// <summary>A repeated delivery finds the reference already flagged and appends nothing.</summary>
    public static OutgoingMessages Handle(
        FlagRevokedReference message, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options) =>
        stream.Append(RequiredDocumentDecisions.FlagRevoked(
            stream.Aggregate!, message.VerificationCode, message.IssuingRequestId, message.Reason, message.RevokedAt, clock.GetUtcNow()), options.Value).Item2;
}
