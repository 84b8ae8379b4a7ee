using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Upgrades a database written before a request's timers moved into its own read-model row (issue 16: one row per
/// command instead of two). Until then they were a row of their own in <c>mt_doc_sladeadline</c>; this copies each
/// into its request's row (JSON and the sweep's columns) and drops that table, once. Runs before the node serves or
/// handles anything (hosted services start in order, this one right after Marten's schema update), so no command
/// folds events onto a row whose timers are not there yet. Nodes starting together: a transaction-scoped advisory
/// lock lets one of them copy, and the others then find the table gone.
/// </summary>
public sealed partial class RequestTimersUpgrade(IDocumentStore store, ILogger<RequestTimersUpgrade> logger) : IHostedService
{
    /// <summary>Any number every node agrees on: "the timers upgrade".</summary>
    private const long LockKey = 0x4D79_476F_7654_494D;

    private const string OldTable = "mt_doc_sladeadline";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        var schema = store.Options.DatabaseSchemaName;
        // Every start after the upgrade: one catalogue lookup.
        if (!await OldTableExistsAsync(connection, schema, cancellationToken))
        {
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"select pg_advisory_xact_lock({LockKey})", cancellationToken);
        if (!await OldTableExistsAsync(connection, schema, cancellationToken))
        {
            return;
        }
        // The columns from the copied JSON, not from the old table's columns: an old enough table lacks some of them.
        var copied = await ExecuteAsync(connection, $"""
            update {schema}.mt_doc_servicerequestdetails as r
            set data = jsonb_set(r.data, array['timers'], d.data - 'id'),
                {RequestColumns.TimerCheckAt} = (d.data ->> 'checkAt')::timestamptz,
                {RequestColumns.TimerFeeAssessedAt} = (d.data ->> 'feeAssessedAt')::timestamptz,
                {RequestColumns.TimerInformationRequestedAt} = (d.data ->> 'informationRequestedAt')::timestamptz,
                {RequestColumns.TimerDecidedAt} = (d.data ->> 'decidedAt')::timestamptz
            from {schema}.{OldTable} as d
            where d.id = r.id
            """, cancellationToken);
        await ExecuteAsync(connection, $"drop table {schema}.{OldTable}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogUpgraded(logger, copied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<bool> OldTableExistsAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select to_regclass(@name) is not null", connection);
        command.Parameters.AddWithValue("name", $"{schema}.{OldTable}");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved the timers of {Count} requests into their rows and dropped the old deadline table")]
    private static partial void LogUpgraded(ILogger logger, int count);
}
