using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;
using NpgsqlTypes;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Gives the rows written before rows carried the request's write model (issue 16) their write model, in the
/// background, at a node's start. Commands on such a row already work (they fold the stream, and their commit
/// upgrades the row), but a row no command touches again would stay without it, and the read-model check would
/// rightly name it as differing from a fresh fold. Each row gets the fold of its stream only if the row is still at
/// the version folded and still lacks it, in one conditional update, so a command committing meanwhile is never
/// overwritten and nodes doing this together do no harm. Pages of <see cref="PageSize"/> by id, so a pass reads the
/// table once however many rows it upgrades; once a pass leaves no row behind, a marker spares later starts the read.
/// </summary>
public sealed partial class RequestWriteModelBackfill(IDocumentStore store, ILogger<RequestWriteModelBackfill> logger) : BackgroundService
{
    public const int PageSize = 200;

    /// <summary>The id of the marker a pass that left no row behind stores, so later starts do not read the table again.</summary>
    public const string MarkerId = "request-rows-carry-write-model";

    private static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await UpgradeAtStartAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(logger, e);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    /// <summary>
    /// A pass over the table, unless one already left no row behind (its marker is stored; new rows always carry the
    /// write model). Answers whether it read the table. Rows a pass leaves (their version moved on meanwhile) are read
    /// again at the next start; each of them is upgraded by its next command anyway.
    /// </summary>
    public async Task<bool> UpgradeAtStartAsync(CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<CompletedUpgrade>(MarkerId, ct) is not null)
            {
                return false;
            }
        }
        var pass = await RunPassAsync(ct);
        if (pass.Upgraded > 0)
        {
            LogUpgraded(logger, pass.Upgraded);
        }
        if (pass.Left == 0)
        {
            await using var session = store.LightweightSession();
            session.Store(new CompletedUpgrade { Id = MarkerId, At = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>What a pass did: rows given their write model, and rows it found without one and left (moved on).</summary>
    public sealed record PassResult(int Upgraded, int Left);

    /// <summary>One pass over the table.</summary>
    public async Task<PassResult> RunPassAsync(CancellationToken ct)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(ServiceRequestDetails)).TableName.QualifiedName;
        var serializer = store.Options.Serializer();
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        // Only a row still at the version folded and still without the write model: never over a command's newer row.
        var upgrade = $"update {table} set data = jsonb_set(data, '{{writeModel}}', @model) where id = @id and not (data ? 'writeModel') and (data ->> 'version')::bigint = @version";
        var upgraded = 0;
        var left = 0;
        var after = Guid.Empty;
        while (true)
        {
            var (lacking, last, more) = await PageAsync(connection, table, after, ct);
            await using (var session = store.QuerySession())
            {
                foreach (var id in lacking)
                {
                    if (await session.Events.AggregateStreamAsync<ServiceRequest>(id, token: ct) is not { } folded)
                    {
                        left++;
                        continue;
                    }
                    await using var update = new NpgsqlCommand(upgrade, connection);
                    update.Parameters.AddWithValue("model", NpgsqlDbType.Jsonb, serializer.ToJson(folded));
                    update.Parameters.AddWithValue("id", id);
                    update.Parameters.AddWithValue("version", folded.Version);
                    var done = await update.ExecuteNonQueryAsync(ct);
                    upgraded += done;
                    left += 1 - done;
                }
            }
            if (!more)
            {
                return new PassResult(upgraded, left);
            }
            after = last;
        }
    }

    /// <summary>
    /// The next <see cref="PageSize"/> rows by id after <paramref name="after"/>: the ids among them whose rows lack the
    /// write model, the last id read, and whether the table may go on. The page is a range of the primary key whether or
    /// not its rows need the upgrade, so the filter runs on those rows only, never on the rest of the table.
    /// </summary>
    private static async Task<(List<Guid> Lacking, Guid Last, bool More)> PageAsync(NpgsqlConnection connection, string table, Guid after, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand(
            $"select id, data ? 'writeModel' from {table} where id > @after order by id limit {PageSize}", connection);
        query.Parameters.AddWithValue("after", after);
        var lacking = new List<Guid>();
        var last = after;
        var read = 0;
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            read++;
            last = reader.GetGuid(0);
            if (!reader.GetBoolean(1))
            {
                lacking.Add(last);
            }
        }
        return (lacking, last, read == PageSize);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave {Count} request rows their write model")]
    private static partial void LogUpgraded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upgrading request rows to carry their write model failed; retrying in a minute")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
