using Marten;
using Marten.Schema;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>
/// Indexes on the request read model for the queries that run on every command, so their cost does not grow with
/// the number of requests ever made (without them each submission scanned the whole table: measured in
/// docs/benchmarks.md). Computed indexes over the JSON, matching the expressions Marten's LINQ emits, except over the
/// members duplicated into columns (RequestColumns), where Marten's LINQ and these indexes both use the column.
/// </summary>
public static class ServiceRequestIndexes
{
    public static void Apply(StoreOptions opts)
    {
        // Before the indexes: an index over a duplicated member is built on its column (Marten resolves the member
        // when it writes the index), and LINQ filters on these members read the columns too.
        opts.Policies.ForAllDocuments(DuplicateWorkloadMembers);
        var details = opts.Schema.For<ServiceRequestDetails>();
        // The duplicate check at submission (earliest open request of an applicant for a service) and the
        // applicant's own lists (applicant prefix).
        details.Index([r => r.ApplicantId, r => r.ServiceCode, r => r.SubmittedAt], i => i.Name = "ix_srd_applicant_service_submitted");
        // What every submission asks, as partial indexes over the rows still in play, so its cost follows open work
        // rather than history: the duplicate check (an applicant's unfinished requests for a service) and the
        // automatic assignment's workload count (held requests per officer of a department), which the department's
        // queue and workload share. Conditions spelled as the queries spell them (RequestStatusSql), or PostgreSQL
        // cannot use these indexes.
        var serializer = opts.Serializer();
        // The submission time last, so the earliest open request is the first entry, not a sort of them all.
        details.Index([r => r.ApplicantId, r => r.ServiceCode, r => r.SubmittedAt], i =>
        {
            i.Name = "ix_srd_unfinished_applicant_service";
            i.Predicate = RequestStatusSql.IsUnfinished(serializer);
        });
        // One index for a department's open work: its queue and workload (open requests) and the automatic
        // assignment's count (held ones, a subset). Until issue 16 part S a full index over (department, assignee) and
        // a partial one of held requests each took an entry on every write of an open request, and the queue read the
        // full one through the department's whole history. Over real columns (RequestColumns), the status among them,
        // so that the count of held requests is still an index-only scan.
        details.Index([r => r.CurrentDepartment!, r => r.AssignedTo!, r => r.Status], i =>
        {
            i.Name = OpenByDepartmentAndAssignee;
            i.Predicate = RequestStatusSql.ColumnIsOneOf(RequestStatusSql.Open);
        });
        // The workload's SLA figures: decisions counted per department without reading the rows. Partial: only decided
        // requests have an entry, so the writes of a request before its decision (most of them) skip this index. The
        // count's `= department` implies `is not null`, which PostgreSQL proves (WorkloadQueryPlanTests).
        details.Index(r => r.Decision!.Department!, i =>
        {
            i.Name = "ix_srd_decision_department";
            i.Predicate = DecidedPredicate;
        });
        // The timer sweep's lookup of passed deadlines and waits (RequestTimers, kept in the request's row so that a
        // command writes one row, not two): real timestamptz columns, each indexed, so the query every node runs each
        // second reads only the indexes. Partial: a request waits for one thing at most and most requests for nothing,
        // so most of these columns are null, and a full index took an entry for every null on every write of the row.
        // The sweep's `column <= cut-off` implies `column is not null`, which PostgreSQL proves (SlaSweepQueryPlanTests).
        details.Index(r => r.Timers.CheckAt!, i => OnlyWhereSet(i, RequestColumns.TimerCheckAt));
        details.Index(r => r.Timers.FeeAssessedAt!, i => OnlyWhereSet(i, RequestColumns.TimerFeeAssessedAt));
        details.Index(r => r.Timers.InformationRequestedAt!, i => OnlyWhereSet(i, RequestColumns.TimerInformationRequestedAt));
        details.Index(r => r.Timers.DecidedAt!, i => OnlyWhereSet(i, RequestColumns.TimerDecidedAt));
    }

    /// <summary>The index of a timer column: named after it, with entries only for the rows where it is set.</summary>
    private static void OnlyWhereSet(ComputedIndex index, string column)
    {
        index.Name = "ix_srd_" + column;
        index.Predicate = $"{column} is not null";
    }

    /// <summary>The decision index's condition, spelled as Marten's LINQ spells the member so the two match.</summary>
    private const string DecidedPredicate = "((data -> 'decision'::text) ->> 'department'::text) is not null";

    /// <summary>The partial index of open requests by (department, assignee, status), over the duplicated columns.</summary>
    public const string OpenByDepartmentAndAssignee = "ix_srd_open_department_assignee";

    /// <summary>
    /// Duplicated without an index of their own (<c>Duplicate</c> would add one per column, each written on every
    /// change of a request and read by nothing): the indexes that read them are declared above. A policy, because
    /// Marten's fluent registry offers no duplication without an index. Marten fills a column it adds from the JSON
    /// of the rows already there (DuplicatedFieldColumn.AddColumnSql), so an upgraded database counts them too.
    /// </summary>
    private static void DuplicateWorkloadMembers(DocumentMapping mapping)
    {
        if (mapping is not DocumentMapping<ServiceRequestDetails> details)
        {
            return;
        }
        details.DuplicateField([typeof(ServiceRequestDetails).GetProperty(nameof(ServiceRequestDetails.CurrentDepartment))!], columnName: RequestColumns.CurrentDepartment);
        details.DuplicateField([typeof(ServiceRequestDetails).GetProperty(nameof(ServiceRequestDetails.AssignedTo))!], columnName: RequestColumns.AssignedTo);
        details.DuplicateField([typeof(ServiceRequestDetails).GetProperty(nameof(ServiceRequestDetails.Status))!], columnName: RequestColumns.Status);
        details.DuplicateField([typeof(ServiceRequestDetails).GetProperty(nameof(ServiceRequestDetails.SubmittedAt))!], columnName: RequestColumns.SubmittedAt);
        var timers = typeof(ServiceRequestDetails).GetProperty(nameof(ServiceRequestDetails.Timers))!;
        details.DuplicateField([timers, typeof(RequestTimers).GetProperty(nameof(RequestTimers.CheckAt))!], columnName: RequestColumns.TimerCheckAt);
        details.DuplicateField([timers, typeof(RequestTimers).GetProperty(nameof(RequestTimers.FeeAssessedAt))!], columnName: RequestColumns.TimerFeeAssessedAt);
        details.DuplicateField([timers, typeof(RequestTimers).GetProperty(nameof(RequestTimers.InformationRequestedAt))!], columnName: RequestColumns.TimerInformationRequestedAt);
        details.DuplicateField([timers, typeof(RequestTimers).GetProperty(nameof(RequestTimers.DecidedAt))!], columnName: RequestColumns.TimerDecidedAt);
    }

}
