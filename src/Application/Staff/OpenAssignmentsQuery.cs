using System.Data.Common;
using Marten.Internal;
using Marten.Linq.QueryHandlers;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Weasel.Postgresql;
using Weasel.Storage;

namespace MyGovernment.Application.Staff;

/// <summary>
/// Open assignments per officer of a department, counted by PostgreSQL. It runs inside every submission that enters
/// a queue, so it is written out once instead of through LINQ, which parsed the expression again on every call and
/// returned one row per open request, to be grouped here (issue 16 part B). Same filter as before: the department,
/// an assignee, an open status; served by the (department, assignee) index of <c>ServiceRequestIndexes</c>.
/// </summary>
internal sealed class OpenAssignmentsQuery(string departmentCode) : IQueryHandler<IReadOnlyDictionary<string, int>>
{
    private static readonly ServiceRequestStatus[] Open =
    [
        ServiceRequestStatus.InReview, ServiceRequestStatus.AwaitingApplicant, ServiceRequestStatus.Referred,
        ServiceRequestStatus.AwaitingApproval, ServiceRequestStatus.Reopened,
    ];

    public void ConfigureCommand(ICommandBuilder builder, IStorageSession storage)
    {
        var session = (IMartenSession)storage;
        var table = session.StorageFor<ServiceRequestDetails>().TableName.QualifiedName;
        // Statuses as the document serializer writes them, whatever its enum settings.
        var open = Open.Select(s => session.Serializer.ToJson(s).Trim('"')).ToArray();
        builder.Append($"select d.data ->> 'assignedTo', count(*)::int from {table} as d where d.data ->> 'currentDepartment' = ");
        builder.AppendParameter(departmentCode);
        builder.Append(" and d.data ->> 'assignedTo' is not null and d.data ->> 'status' = any(");
        builder.AppendParameter(open);
        builder.Append(") group by 1");
    }

    public async Task<IReadOnlyDictionary<string, int>> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
    {
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(token))
        {
            loads[reader.GetString(0)] = reader.GetInt32(1);
        }
        return loads;
    }

    public IReadOnlyDictionary<string, int> Handle(DbDataReader reader, IMartenSession session) =>
        throw new NotSupportedException("Only read asynchronously, inside a batch.");

    public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) =>
        throw new NotSupportedException("Not served as JSON.");
}
