using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using Wolverine;

namespace MyGovernment.Application.Staff;

/// <summary>Follow-up of a request joining a step's queue: give it to an officer of that department automatically.</summary>
public sealed record AutoAssign(Guid RequestId, int StepIndex) : LogSafeMessage;

/// <summary>
/// Open requests per officer of a department, from the request read model (implemented by the host). It joins the
/// caller's batch; the task completes when the batch has run.
/// </summary>
public interface IOfficerWorkload
{
    Task<IReadOnlyDictionary<string, int>> OpenAssignments(IBatchedQuery batch, string departmentCode);
}

/// <summary>Where round robin left off in a department: operational state, not history (the assignments are events).</summary>
public sealed class AssignmentCursor
{
    public string Id { get; set; } = "";

    public string? LastAssigned { get; set; }
}

public static class AutoAssignHandler
{
    public static async Task<(IEventStream<ServiceRequest>, DepartmentRoster?, IReadOnlyDictionary<string, int>, AssignmentCursor)> LoadAsync(
        AutoAssign message, IDocumentSession session, IOfficerWorkload workload, CancellationToken ct)
    {
        var stream = await ServiceRequestStream.LoadAsync(session, message.RequestId, null, ct);
        var department = stream.Aggregate!.CurrentDepartment ?? "";
        // The roster, the officers' open assignments and the round-robin cursor in one round trip, not three:
        // this runs after every submission that enters a queue.
        var batch = session.CreateBatchQuery();
        var roster = batch.Events.FetchLatest<DepartmentRoster>(DepartmentRoster.StreamId(department));
        var loads = workload.OpenAssignments(batch, department);
        var cursor = batch.Load<AssignmentCursor>(department);
        await batch.Execute(ct);
        return (stream, await roster, await loads, await cursor ?? new AssignmentCursor { Id = department });
    }

    public static OutgoingMessages Handle(
        AutoAssign message, IEventStream<ServiceRequest> stream, DepartmentRoster? roster, IReadOnlyDictionary<string, int> loads,
        AssignmentCursor cursor, IDocumentSession session, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        // Moot if the request moved on or someone already holds it (a claim won the race).
        if (request.CurrentStep != message.StepIndex || request.AssignedTo is not null || !request.IsUnderReview)
        {
            return [];
        }
        var officer = AutomaticAssignment.Choose(options.Value.AssignmentPolicy, roster, request, loads, cursor.LastAssigned);
        if (officer is null)
        {
            return [];
        }
        cursor.LastAssigned = officer;
        session.Store(cursor);
        var nationalId = roster!.Officers.First(o => o.OfficerId == officer).NationalId;
        var events = AssignmentDecisions.Assign(request, officer, AssignmentMode.Automatic, Actor.System, clock.GetUtcNow(), nationalId);
        return stream.Append(events, options.Value).Item2;
    }
}
