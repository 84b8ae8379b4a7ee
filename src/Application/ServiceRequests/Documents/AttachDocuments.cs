using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Documents;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Marten;

namespace MyGovernment.Application.ServiceRequests.Documents;

/// <summary>The applicant (or the officer who submitted for them) attaches uploaded files, e.g. the required documents.</summary>
public sealed record AttachDocuments(Guid RequestId, ExpectedVersion? Expected, Actor By, IReadOnlyList<DocumentReference> Documents)
    : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<AttachDocuments>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            // Not NotEmpty: an empty list is the domain's no_documents, after the request's visibility (a foreign request stays 404).
            RuleFor(c => c.Documents).NotNull();
            RuleFor(c => c.Documents.Count).LessThanOrEqualTo(20).When(c => c.Documents is not null).OverridePropertyName("Documents");
            RuleForEach(c => c.Documents).SetValidator(new DocumentReferenceValidator()).When(c => c.Documents is not null);
        }
    }
}

public static class AttachDocumentsHandler
{
    /// <summary>The request, and the caller's own uploads of the attached files (locked until the append commits).</summary>
    public static async Task<(IEventStream<ServiceRequest>, IReadOnlyList<UploadedDocument>)> LoadAsync(
        AttachDocuments command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await ServiceRequestStream.LoadAsync(command, session, ct);
        var uploads = await UploadedDocumentsTable.LockOwnAsync(session, command.By.Subject, [.. command.Documents.Select(d => d.Sha256)], ct);
        return (stream, uploads);
    }

    public static (ServiceRequestChanged, OutgoingMessages, IMartenOp) Handle(
        AttachDocuments command, IEventStream<ServiceRequest> stream, IReadOnlyList<UploadedDocument> uploads, TimeProvider clock,
        IOptions<LifecycleOptions> options)
    {
        var now = clock.GetUtcNow();
        var events = RequiredDocumentDecisions.Attach(stream.Aggregate!, command.Documents, command.By, now);
        DocumentUploads.RequireUploaded(command.Documents, uploads);
        var (changed, timers) = stream.Append(events, options.Value);
        return (changed, timers, UploadedDocumentsTable.MarkReferenced(command.By.Subject, command.Documents, now));
    }
}
