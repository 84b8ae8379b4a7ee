using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The assignee asks the applicant for information; the SLA clock pauses.</summary>
public sealed record RequestApplicantInformation(Guid RequestId, ExpectedVersion? Expected, Actor By, Guid InformationRequestId, string Message) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<RequestApplicantInformation>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.InformationRequestId).NotEmpty();
            RuleFor(c => c.Message).NotEmpty().MaximumLength(2000);
        }
    }
}

/// <summary>The request's new version, and the id of the information request the applicant must answer.</summary>
public sealed record InformationRequestCreated(Guid RequestId, long Version, ServiceRequestStatus Status, Guid InformationRequestId);

public static class RequestApplicantInformationHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(RequestApplicantInformation command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (InformationRequestCreated, OutgoingMessages) Handle(
        RequestApplicantInformation command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var (changed, timers) = stream.Append(
            ReviewDecisions.RequestInformation(request, command.InformationRequestId, command.Message, command.By, now), options.Value);
        return (new InformationRequestCreated(changed.RequestId, changed.Version, changed.Status, command.InformationRequestId), timers);
    }
}
