using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>One service request's stream, in version order, with what every report asks of it.</summary>
public sealed class RequestHistory
{
    public RequestHistory(IReadOnlyList<OversightEvent> events)
    {
        Events = events;
        Opening = events.FirstOrDefault(e => e.Data is ServiceRequestSubmitted);
        Submitted = Opening?.Data as ServiceRequestSubmitted;
    }

    public Guid RequestId => Events[0].StreamId;

    public IReadOnlyList<OversightEvent> Events { get; }

    /// <summary>The submission event; null for a stream whose start is missing (itself an integrity matter, report 11).</summary>
    public OversightEvent? Opening { get; }

    public ServiceRequestSubmitted? Submitted { get; }

    public string? ServiceCode => Submitted?.ServiceCode;

    /// <summary>The department whose step the request was at when <paramref name="e"/> happened.</summary>
    public string? DepartmentAt(OversightEvent e) =>
        Events.TakeWhile(x => x.Version <= e.Version).Select(x => x.Data).OfType<StepEntered>().LastOrDefault()?.DepartmentCode
        ?? (Submitted is { WorkflowDepartments.Count: > 0 } s ? s.WorkflowDepartments[0] : null);

    /// <summary>The write model folded from the events up to an instant, with the domain's own pure Evolve.</summary>
    public ServiceRequest? StateAt(DateTimeOffset instant) =>
        Events.Where(e => e.At <= instant).Aggregate((ServiceRequest?)null, (state, e) => ServiceRequest.Evolve(state, e.Data));

    public static bool IsDecision(object data) => data is RequestApproved or RequestRejected;
}
