using Marten;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>
/// Indexes on the request read model for the queries that run on every command, so their cost does not grow with
/// the number of requests ever made (without them each submission scanned the whole table: measured in
/// docs/benchmarks.md). Computed indexes over the JSON, matching the expressions Marten's LINQ emits.
/// </summary>
public static class ServiceRequestIndexes
{
    public static void Apply(StoreOptions opts)
    {
        var details = opts.Schema.For<ServiceRequestDetails>();
        // The duplicate check at submission (earliest open request of an applicant for a service) and the
        // applicant's own lists (applicant prefix).
        details.Index([r => r.ApplicantId, r => r.ServiceCode, r => r.SubmittedAt], i => i.Name = "ix_srd_applicant_service_submitted");
        // Automatic assignment's workload count per officer, department queues and workload (department prefix).
        details.Index([r => r.CurrentDepartment!, r => r.AssignedTo!], i => i.Name = "ix_srd_department_assignee");
        // What every submission asks, as partial indexes over the rows still in play, so its cost follows open work
        // rather than history: the duplicate check (an applicant's unfinished requests for a service) and the
        // automatic assignment's workload count (held requests per officer of a department). Conditions spelled as
        // the queries spell them (RequestStatusSql), or PostgreSQL cannot use these indexes.
        var serializer = opts.Serializer();
        details.Index([r => r.ApplicantId, r => r.ServiceCode], i =>
        {
            i.Name = "ix_srd_unfinished_applicant_service";
            i.Predicate = RequestStatusSql.IsUnfinished(serializer);
        });
        details.Index([r => r.CurrentDepartment!, r => r.AssignedTo!], i =>
        {
            i.Name = "ix_srd_held_department_assignee";
            i.Predicate = RequestStatusSql.IsOneOf(serializer, RequestStatusSql.Held);
        });
        // The workload's SLA figures: decisions counted per department without reading the rows.
        details.Index(r => r.Decision!.Department!, i => i.Name = "ix_srd_decision_department");
        // The timer sweep's lookup of passed deadlines and waits: real timestamptz columns, each indexed, so the query
        // every node runs each second reads only the indexes. Partial: a row waits for one thing at most, so most of
        // these columns are null, and a full index took an entry for every null on every write of the row (issue 16).
        // The sweep's `column <= cut-off` implies `column is not null`, which PostgreSQL proves (SlaSweepQueryPlanTests).
        var deadlines = opts.Schema.For<SlaDeadline>();
        deadlines.Duplicate(d => d.CheckAt, configure: OnlyWhereSet);
        deadlines.Duplicate(d => d.FeeAssessedAt, configure: OnlyWhereSet);
        deadlines.Duplicate(d => d.InformationRequestedAt, configure: OnlyWhereSet);
        deadlines.Duplicate(d => d.DecidedAt, configure: OnlyWhereSet);
    }

    private static void OnlyWhereSet(Marten.Schema.DocumentIndex index) => index.Predicate = $"{index.Columns!.Single()} is not null";
}
