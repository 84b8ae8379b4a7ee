using MyGovernment.Application.Privacy;
using FluentValidation;
using Marten;
using JasperFx.Events;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

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
    public static Task<IEventStream<ServiceRequest>> LoadAsync(RespondToInformationRequest command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static async Task<(ServiceRequestChanged, OutgoingMessages)> Handle(
        RespondToInformationRequest command, IEventStream<ServiceRequest> stream, TimeProvider clock, IWorkingCalendarSource calendars,
        IOptions<LifecycleOptions> options, CancellationToken ct)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(ReviewDecisions.Respond(request, command.InformationRequestId, command.Message, command.Documents, command.By, now, await calendars.GetAsync(ct)), options.Value);
    }
}
