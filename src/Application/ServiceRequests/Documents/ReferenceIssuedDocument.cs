using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests.Documents;

/// <summary>Tell us once: a required document is supplied by the verification code of a document the government issued.</summary>
public sealed record ReferenceIssuedDocument(
    Guid RequestId, ExpectedVersion? Expected, Actor By, [property: NotPersonal] string DocumentCode, string VerificationCode)
    : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<ReferenceIssuedDocument>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.DocumentCode).NotEmpty().MaximumLength(60);
            RuleFor(c => c.VerificationCode).NotEmpty().Length(16).Matches("^[A-Za-z0-9]+$");
        }
    }
}

public static class ReferenceIssuedDocumentHandler
{
    public static async Task<(IEventStream<ServiceRequest>, IssuedDocumentFacts?)> LoadAsync(
        ReferenceIssuedDocument command, IDocumentSession session, IIssuedDocumentLookup documents, CancellationToken ct)
    {
        var stream = await ServiceRequestStream.LoadAsync(command, session, ct);
        return (stream, await documents.FindAsync(session, command.VerificationCode.Trim().ToUpperInvariant(), ct));
    }

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        ReferenceIssuedDocument command, IEventStream<ServiceRequest> stream, IssuedDocumentFacts? issued, TimeProvider clock,
        IOptions<LifecycleOptions> options)
    {
        var events = RequiredDocumentDecisions.Reference(
            stream.Aggregate!, command.DocumentCode.Trim(), command.VerificationCode.Trim().ToUpperInvariant(), issued, command.By, clock.GetUtcNow());
        return stream.Append(events, options.Value);
    }
}
