using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.Documents;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Marten;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The applicant answers an information request, with document references; the SLA clock resumes.</summary>
public sealed record RespondToInformationRequest(Guid RequestId, ExpectedVersion? Expected, Actor By, Guid InformationRequestId, string Message, IReadOnlyList<DocumentReference> Documents) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<RespondToInformationRequest>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.InformationRequestId).NotEmpty();
            RuleFor(c => c.Message).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.Documents).NotNull();
            RuleFor(c => c.Documents.Count).LessThanOrEqualTo(20).When(c => c.Documents is not null).OverridePropertyName("Documents");
            RuleForEach(c => c.Documents).SetValidator(new DocumentReferenceValidator()).When(c => c.Documents is not null);
        }
    }
}

public static class RespondToInformationRequestHandler
{
    /// <summary>The request, and the caller's own uploads of the referenced documents (locked until the append commits).</summary>
    public static async Task<(IEventStream<ServiceRequest>, IReadOnlyList<UploadedDocument>)> LoadAsync(
        RespondToInformationRequest command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await ServiceRequestStream.LoadAsync(command, session, ct);
        var uploads = await UploadedDocumentsTable.LockOwnAsync(session, command.By.Subject, [.. command.Documents.Select(d => d.Sha256)], ct);
        return (stream, uploads);
    }

    public static async Task<(ServiceRequestChanged, OutgoingMessages, IMartenOp)> Handle(
        RespondToInformationRequest command, IEventStream<ServiceRequest> stream, IReadOnlyList<UploadedDocument> uploads, TimeProvider clock,
        IWorkingCalendarSource calendars, IOptions<LifecycleOptions> options, CancellationToken ct)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var events = ReviewDecisions.Respond(request, command.InformationRequestId, command.Message, command.Documents, command.By, now, await calendars.GetAsync(ct));
        // After the request's own rules, so a closed request still answers request_closed rather than a document error.
        DocumentUploads.RequireUploaded(command.Documents, uploads);
        var (changed, timers) = stream.Append(events, options.Value);
        return (changed, timers, UploadedDocumentsTable.MarkReferenced(command.By.Subject, command.Documents, now));
    }
}
