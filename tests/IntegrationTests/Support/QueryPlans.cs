using Npgsql;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>The plan PostgreSQL chooses for a command, for tests that pin which index a hot query reads.</summary>
public static class QueryPlans
{
    /// <summary>EXPLAIN of <paramref name="command"/> (its text and parameters) on its own connection, as one text.</summary>
    /// <param name="setting">One more planner setting for this connection (e.g. <c>set enable_bitmapscan = off</c>).</param>
    public static async Task<string> ExplainAsync(string connectionString, NpgsqlCommand command, CancellationToken ct, string? setting = null)
    {
        // Not pooled: the planner settings below would otherwise stay on the physical connection (Npgsql's reset of a
        // connection with prepared statements keeps session settings) and change the plans of whichever test gets it next.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        // The test database is small: without this the planner may rightly prefer reading the whole table.
        await using (var noSeqScan = new NpgsqlCommand("set enable_seqscan = off", connection))
        {
            await noSeqScan.ExecuteNonQueryAsync(ct);
        }
        if (setting is not null)
        {
            await using var extra = new NpgsqlCommand(setting, connection);
            await extra.ExecuteNonQueryAsync(ct);
        }
        command.Connection = connection;
        command.CommandText = "explain " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            plan.Add(reader.GetString(0));
        }
        return string.Join('\n', plan);
    }
}
