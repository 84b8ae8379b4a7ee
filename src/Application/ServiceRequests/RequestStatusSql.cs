using Marten;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Status conditions on the request read model written as SQL literals, not parameters, and spelled identically in
/// the partial indexes (<c>ServiceRequestIndexes</c>) and in the queries every submission runs: PostgreSQL uses a
/// partial index only when it can prove the query implies the index's condition, which a parameter (or a prepared
/// statement's generic plan) does not allow. The statuses are the engine's own constants, never caller input.
/// Spelled with the casts PostgreSQL prints back (<c>'x'::text</c>): Marten compares an index's declared condition
/// with the stored one as text, and rebuilt both partial indexes at every start while they differed
/// (<c>WorkloadQueryPlanTests</c>).
/// </summary>
public static class RequestStatusSql
{
    /// <summary>A request someone holds and still has to act on: what counts towards an officer's workload.</summary>
    public static readonly ServiceRequestStatus[] Held =
    [
        ServiceRequestStatus.InReview, ServiceRequestStatus.AwaitingApplicant, ServiceRequestStatus.Referred,
        ServiceRequestStatus.AwaitingApproval, ServiceRequestStatus.Reopened,
    ];

    /// <summary>
    /// A request still being worked at its current step: held, or approved and waiting to be issued. What a
    /// department's queue lists and its workload counts, and the condition of the index that serves them.
    /// </summary>
    public static readonly ServiceRequestStatus[] Open = [.. Held, ServiceRequestStatus.Approved];

    /// <summary><c>(data ->> 'status') = any(array[...])</c> over <paramref name="data"/> (a column or <c>alias.data</c>).</summary>
    public static string IsOneOf(ISerializer serializer, IEnumerable<ServiceRequestStatus> statuses, string data = "data") =>
        $"({data} ->> 'status'::text) = any (array[{string.Join(", ", statuses.Select(s => "'" + serializer.ToJson(s).Trim('"') + "'::text"))}])";

    /// <summary>
    /// <c>status = any(array[...])</c> over the duplicated status column (<see cref="RequestColumns"/>), which holds
    /// the enum's name: Marten writes duplicated enums with string storage as their name, and fills a newly added
    /// column from <c>data ->> 'status'</c>, the same name under this serializer (no naming policy for enums).
    /// </summary>
    public static string ColumnIsOneOf(IEnumerable<ServiceRequestStatus> statuses, string column = RequestColumns.Status) =>
        $"({column})::text = any (array[{string.Join(", ", statuses.Select(s => "'" + s + "'::text"))}])";

    /// <summary>Not decided and served, nor ended: the requests a duplicate check looks among.</summary>
    public static string IsUnfinished(ISerializer serializer, string data = "data") =>
        $"not ({IsOneOf(serializer, ServiceRequestStatuses.Finished, data)})";
}
