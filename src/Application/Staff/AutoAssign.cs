using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.Privacy;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using Wolverine;

namespace MyGovernment.Application.Staff;

/// <summary>
/// Follow-up of a request joining a step's queue: give it to an officer of that department automatically.
/// <paramref name="Department"/> is the queue's department when the step was entered, so the handler can read the
/// request and the assignment's inputs in one round trip; envelopes queued before it travelled with the message
/// carry none.
/// </summary>
public sealed record AutoAssign(Guid RequestId, int StepIndex, string? Department = null) : LogSafeMessage;

/// <summary>
/// Open requests per officer of a department, from the request read model (implemented by the host). It joins the
/// caller's batch, unless a recent count is known; the task completes when the batch has run.
/// </summary>
public interface IOfficerWorkload
{
    Task<IReadOnlyDictionary<string, int>> OpenAssignments(IBatchedQuery batch, string departmentCode);

    /// <summary>Where the department's rotation left off: stored for round robin, this node's own for least loaded.</summary>
    Task<AssignmentCursor> Cursor(IBatchedQuery batch, string departmentCode);

    /// <summary>An automatic assignment was decided here: counts served before the next read include it.</summary>
    void Assigned(string departmentCode, string officerId);
}

/// <summary>Where round robin left off in a department: operational state, not history (the assignments are events).</summary>
public sealed class AssignmentCursor
{
    public string Id { get; set; } = "";

    public string? LastAssigned { get; set; }
}

/// <summary>
/// The automatic assignment of a request that has just entered a step's queue. Submissions decide it inside their
/// own transaction (<see cref="Decide"/>); the other ways into a queue (payment, a completed step, a reopening)
/// still send an <see cref="AutoAssign"/> follow-up through the outbox.
/// </summary>
public static class AutoAssignment
{
    /// <summary>
    /// The events assigning <paramref name="request"/> (its state after the events that queued it) to an officer,
    /// or none when the policy is manual or nobody on the roster may take it. Moves the round-robin cursor in
    /// <paramref name="session"/>, so it commits or fails with the assignment.
    /// </summary>
    public static IReadOnlyList<object> Decide(
        ServiceRequest request, AssignmentInputs inputs, IDocumentSession session, LifecycleOptions options, DateTimeOffset now)
    {
        var officer = AutomaticAssignment.Choose(options.AssignmentPolicy, inputs.Roster, request, inputs.Loads, inputs.Cursor.LastAssigned);
        if (officer is null)
        {
            return [];
        }
        inputs.Cursor.LastAssigned = officer;
        if (options.AssignmentPolicy == AssignmentPolicy.RoundRobin)
        {
            // The rotation is shared by every node, so its cursor commits with the assignment (one row per
            // department, which serializes that department's assignments); least loaded keeps its tie-break per node.
            session.Store(inputs.Cursor);
        }
        inputs.Workload?.Assigned(inputs.Cursor.Id, officer);
        var nationalId = inputs.Roster!.Officers.First(o => o.OfficerId == officer).NationalId;
        return AssignmentDecisions.Assign(request, officer, AssignmentMode.Automatic, Actor.System, now, nationalId);
    }
}

public static class AutoAssignHandler
{
    /// <summary>
    /// The request and the inputs for its department. A backlog of these follow-ups is drained as fast as reads
    /// allow, so the inputs for the department the message names ride in the request's own round trip; they are
    /// read again only if the request is no longer there (then the handler finds it moot, or it was moved within
    /// the same step, e.g. referred).
    /// </summary>
    public static async Task<(IEventStream<ServiceRequest>, AssignmentInputs)> LoadAsync(
        AutoAssign message, IDocumentSession session, CatalogSnapshots catalog, IOfficerWorkload workload, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var fetched = ServiceRequestStream.FetchForWriting(batch, session, message.RequestId);
        var prefetched = message.Department is { Length: > 0 } department
            ? new PrefetchedAssignment(department, AssignmentInputs.Queue(batch, session, catalog, workload, department, ct))
            : PrefetchedAssignment.None;
        await batch.Execute(ct);
        var stream = ServiceRequestStream.Checked(await fetched.OpenAsync(ct), expected: null);
        var current = stream.Aggregate!.CurrentDepartment ?? "";
        return (stream, await prefetched.ForAsync(current, () => AssignmentInputs.LoadAsync(session, catalog, workload, current, ct)));
    }

    public static OutgoingMessages Handle(
        AutoAssign message, IEventStream<ServiceRequest> stream, AssignmentInputs inputs, IDocumentSession session, TimeProvider clock,
        IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        // Moot if the request moved on or someone already holds it (a claim won the race).
        if (request.CurrentStep != message.StepIndex || request.AssignedTo is not null || !request.IsUnderReview)
        {
            return [];
        }
        var events = AutoAssignment.Decide(request, inputs, session, options.Value, clock.GetUtcNow());
        return events.Count == 0 ? [] : stream.Append(events, options.Value).Item2;
    }
}
