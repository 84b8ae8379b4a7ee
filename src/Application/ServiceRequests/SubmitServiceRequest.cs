using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.Privacy;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using Wolverine;
using Wolverine.Marten;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// A citizen submits a request for a catalog service. <see cref="ApplicantId"/> and <see cref="SubmittedBy"/>
/// come from the caller's token, never from the request body.
/// </summary>
public sealed record SubmitServiceRequest(
    Guid RequestId,
    [property: NotPersonal] string ServiceCode,
    string ApplicantId,
    Actor SubmittedBy,
    SubmissionChannel Channel,
    IReadOnlyDictionary<string, string?> Form) : LogSafeMessage
{
    public const int MaxFormFields = 50;

    public sealed class Validator : AbstractValidator<SubmitServiceRequest>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.ServiceCode).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9-]+$");
            RuleFor(c => c.ApplicantId).NotEmpty().MaximumLength(40);
            RuleFor(c => c.SubmittedBy).NotNull();
            RuleFor(c => c.Form).NotNull();
            RuleFor(c => c.Form.Count).LessThanOrEqualTo(MaxFormFields).When(c => c.Form is not null).OverridePropertyName("Form");
            RuleForEach(c => c.Form.Keys).MaximumLength(60).When(c => c.Form is not null).OverridePropertyName("Form");
        }
    }
}

public sealed record ServiceRequestSubmittedResponse(Guid RequestId, ServiceRequestStatus Status);

public static class SubmitServiceRequestHandler
{
    /// <summary>
    /// One round trip for what the decision needs: the stream versions of the service, the calendar and (when the
    /// request will probably enter a queue) that department's roster in one statement, and the duplicate check,
    /// batched. The folds of all three then come from memory unless someone changed them since
    /// (<see cref="CatalogSnapshots"/>). The automatic assignment's other reads ride in the same round trip (for the
    /// department the service last had on this node).
    /// </summary>
    public static async Task<(Service?, WorkingCalendar, Guid?, PrefetchedAssignment)> LoadAsync(
        SubmitServiceRequest command, IDocumentSession session, CatalogSnapshots catalog,
        IOfficerWorkload workload, IOptions<LifecycleOptions> options, CancellationToken ct)
    {
        var serviceId = CatalogIds.Service(command.ServiceCode);
        var department = options.Value.AssignmentPolicy == AssignmentPolicy.Manual ? null : catalog.FirstQueueGuess(serviceId);
        var batch = session.CreateBatchQuery();
        var versions = batch.AddItem(department is null
            ? new StreamVersionsQuery(serviceId, CatalogIds.Calendar)
            : new StreamVersionsQuery(serviceId, CatalogIds.Calendar, DepartmentRoster.StreamId(department)));
        var duplicate = batch.AddItem(new OpenRequestQuery(command.ApplicantId, command.ServiceCode));
        var assignment = department is null
            ? PrefetchedAssignment.None
            : new PrefetchedAssignment(department, AssignmentInputs.Queue(batch, session, catalog, workload, department, ct, versions));
        await batch.Execute(ct);
        var read = await versions;
        var service = await catalog.ServiceAsync(session, serviceId, read.Of(serviceId), ct);
        var calendar = await catalog.CalendarAsync(session, read.Of(CatalogIds.Calendar), ct);
        return (service, calendar, await duplicate, assignment);
    }

    /// <summary>
    /// Decides the submission and, when the request goes straight into a queue, its automatic assignment too, in
    /// this one transaction: a second message and transaction per submission cost more than the submission itself.
    /// </summary>
    public static async Task<(ServiceRequestSubmittedResponse, IStartStream, OutgoingMessages)> Handle(
        SubmitServiceRequest command, Service? service, WorkingCalendar calendar, Guid? duplicate, PrefetchedAssignment prefetched,
        IDocumentSession session, CatalogSnapshots catalog, IOfficerWorkload workload, TimeProvider clock, IOptions<LifecycleOptions> options, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var events = SubmitDecision.Decide(
            new SubmitRequest(command.RequestId, command.ApplicantId, command.SubmittedBy, command.Channel, command.Form),
            service,
            now,
            calendar,
            duplicate).ToList();
        var request = events.Aggregate((ServiceRequest?)null, ServiceRequest.Evolve)!;
        var assignNow = options.Value.AssignmentPolicy != AssignmentPolicy.Manual && events.Any(e => e is StepEntered);
        if (assignNow)
        {
            var department = request.CurrentDepartment ?? "";
            var inputs = await prefetched.ForAsync(department, () => AssignmentInputs.LoadAsync(session, catalog, workload, department, ct));
            var assignment = AutoAssignment.Decide(request, inputs, session, options.Value, now);
            events.AddRange(assignment);
            request = assignment.Aggregate((ServiceRequest?)request, ServiceRequest.Evolve)!;
        }
        return (new ServiceRequestSubmittedResponse(command.RequestId, request.Status),
            MartenOps.StartStream<ServiceRequest>(command.RequestId, [.. events]),
            LifecycleTimers.For(command.RequestId, events, options.Value, assignedInTransaction: assignNow));
    }
}
