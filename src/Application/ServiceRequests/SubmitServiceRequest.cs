using FluentValidation;
using Marten;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.ServiceRequests;
using Wolverine.Marten;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// A citizen submits a request for a catalog service. <see cref="ApplicantId"/> and <see cref="SubmittedBy"/>
/// come from the caller's token, never from the request body.
/// </summary>
public sealed record SubmitServiceRequest(
    Guid RequestId,
    string ServiceCode,
    string ApplicantId,
    string SubmittedBy,
    SubmissionChannel Channel,
    IReadOnlyDictionary<string, string?> Form)
{
    public const int MaxFormFields = 50;

    /// <summary>Logged by Wolverine when a handler fails: name the request, never the applicant or the form.</summary>
    public override string ToString() => $"SubmitServiceRequest {{ RequestId = {RequestId}, ServiceCode = {ServiceCode} }}";

    public sealed class Validator : AbstractValidator<SubmitServiceRequest>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.ServiceCode).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9-]+$");
            RuleFor(c => c.ApplicantId).NotEmpty().MaximumLength(40);
            RuleFor(c => c.SubmittedBy).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Form).NotNull();
            RuleFor(c => c.Form.Count).LessThanOrEqualTo(MaxFormFields).When(c => c.Form is not null).OverridePropertyName("Form");
            RuleForEach(c => c.Form.Keys).MaximumLength(60).When(c => c.Form is not null).OverridePropertyName("Form");
        }
    }
}

public sealed record ServiceRequestSubmittedResponse(Guid RequestId, ServiceRequestStatus Status);

public static class SubmitServiceRequestHandler
{
    public static ValueTask<Service?> LoadAsync(SubmitServiceRequest command, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchLatest<Service>(CatalogIds.Service(command.ServiceCode), ct);

    public static (ServiceRequestSubmittedResponse, IStartStream) Handle(SubmitServiceRequest command, Service? service, TimeProvider clock)
    {
        var events = SubmitDecision.Decide(
            new SubmitRequest(command.RequestId, command.ApplicantId, command.SubmittedBy, command.Channel, command.Form),
            service,
            clock.GetUtcNow());
        var status = events.Aggregate((ServiceRequest?)null, ServiceRequest.Evolve)!.Status;
        return (new ServiceRequestSubmittedResponse(command.RequestId, status),
            MartenOps.StartStream<ServiceRequest>(command.RequestId, [.. events]));
    }
}
