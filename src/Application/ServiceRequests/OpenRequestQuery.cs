using System.Collections.Concurrent;
using System.Data.Common;
using Marten.Internal;
using Marten.Linq.QueryHandlers;
using MyGovernment.Projections.ServiceRequests;
using Weasel.Postgresql;
using Weasel.Storage;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// An applicant's earliest open request for a service. It runs inside every submission, so it is written out once
/// instead of through LINQ, which parsed the expression tree again on every call (about 6% of the API's CPU per
/// submission in the issue 16 profile). Same filter and order as the LINQ query it replaces; the partial index of
/// unfinished requests by (applicant, service, submission time) serves it in order, so its cost grows neither with
/// the applicant's history nor with the applicant's open requests for the service.
/// </summary>
public sealed class OpenRequestQuery(string applicantId, string serviceCode) : IQueryHandler<Guid?>
{
    /// <summary>
    /// The statement around its two parameters, per table and enum storage (what the literal statuses depend on): the
    /// statuses were serialized and the text interpolated on every submission (issue 16).
    /// </summary>
    private static readonly ConcurrentDictionary<(string Table, Weasel.Core.EnumStorage Enums), (string Head, string Tail)> Texts = new();

    public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
    {
        var marten = (IMartenSession)session;
        var table = marten.StorageFor<ServiceRequestDetails>().TableName.QualifiedName;
        var (head, tail) = Texts.GetOrAdd((table, marten.Serializer.EnumStorage), static (key, serializer) => (
            $"select d.id from {key.Table} as d where d.data ->> 'applicantId' = ",
            // Literal statuses, so the partial index of unfinished requests serves it (RequestStatusSql).
            // Ordered by the index's own third column, so the earliest is its first entry: without it, every
            // unfinished request of the applicant for the service was read and sorted on every submission.
            $" and {RequestStatusSql.IsUnfinished(serializer, "d.data")} order by d.{RequestColumns.SubmittedAt} limit 1"), marten.Serializer);
        builder.Append(head);
        builder.AppendParameter(applicantId);
        builder.Append(" and d.data ->> 'serviceCode' = ");
        builder.AppendParameter(serviceCode);
        builder.Append(tail);
    }

    public async Task<Guid?> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token) =>
        await reader.ReadAsync(token) ? reader.GetGuid(0) : null;

    public Guid? Handle(DbDataReader reader, IMartenSession session) =>
        throw new NotSupportedException("Only read asynchronously, inside a batch.");

    public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) =>
        throw new NotSupportedException("Not served as JSON.");
}
