using System.Data.Common;
using Marten.Internal;
using Marten.Linq.QueryHandlers;
using Weasel.Postgresql;
using Weasel.Storage;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// The current versions of several event streams in one statement, for <see cref="CatalogSnapshots"/> to key its
/// folds on; a stream that does not exist is absent from the answer. A submission asks it for its service, the
/// holiday calendar and the roster of the department it will probably enter: one statement where Marten's
/// <c>FetchStreamState</c> took one per stream and the roster's live fold read its events every time.
/// </summary>
public sealed class StreamVersionsQuery(params Guid[] streamIds) : IQueryHandler<StreamVersions>
{
    public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
    {
        var marten = (IMartenSession)session;
        builder.Append($"select id, version from {marten.Options.Events.DatabaseSchemaName}.mt_streams where id = any(");
        builder.AppendParameter(streamIds);
        builder.Append(")");
    }

    public async Task<StreamVersions> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
    {
        var versions = new Dictionary<Guid, long>(streamIds.Length);
        while (await reader.ReadAsync(token))
        {
            versions[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        return new StreamVersions(versions);
    }

    public StreamVersions Handle(DbDataReader reader, IMartenSession session) =>
        throw new NotSupportedException("Only read asynchronously, inside a batch.");

    public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) =>
        throw new NotSupportedException("Not served as JSON.");
}

/// <summary>The versions a <see cref="StreamVersionsQuery"/> read.</summary>
public sealed class StreamVersions(Dictionary<Guid, long> versions)
{
    /// <summary>The stream's version, or null when it does not exist (what <see cref="CatalogSnapshots"/> takes).</summary>
    public long? Of(Guid streamId) => versions.TryGetValue(streamId, out var version) ? version : null;
}
