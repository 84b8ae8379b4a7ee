using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>A supervisor revokes an issued document.</summary>
public sealed record RevokeDocument(Guid RequestId, ExpectedVersion? Expected, Actor By, string Reason) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<RevokeDocument>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        }
    }
}

public static class RevokeDocumentHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(RevokeDocument command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        RevokeDocument command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var events = IssueDecisions.Revoke(request, command.Reason, command.By, now);
        var (changed, outgoing) = stream.Append(events, options.Value);
        // Requests that relied on the document are flagged after this commits (README "Documents": tell us once).
        outgoing.AddRange(events.OfType<DocumentRevoked>().Select(e => new Documents.FlagRevokedReferences(e.RequestId, e.VerificationCode, e.Reason, e.At)));
        return (changed, outgoing);
    }
}
