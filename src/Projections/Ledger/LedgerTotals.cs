using Marten;
using Npgsql;
using NpgsqlTypes;

namespace MyGovernment.Projections.Ledger;

/// <summary>One account's debits and credits of one UTC day, in one currency.</summary>
public sealed record LedgerDayTotal(DateOnly Day, string Account, string Currency, decimal Debit, decimal Credit);

/// <summary>The revenue ledger summed per day, account and currency over a time range, optionally for one department.</summary>
public static class LedgerTotals
{
    public static async Task<IReadOnlyList<LedgerDayTotal>> QueryAsync(
        IQuerySession query, DateTimeOffset start, DateTimeOffset end, string? department, CancellationToken ct)
    {
        // Summed in PostgreSQL: a year of a national portal's postings is millions of rows, the answer a few hundred.
        // The range filter is the expression of Marten's index on At.
        var schema = query.DocumentStore.Options.DatabaseSchemaName;
        var table = query.DocumentStore.Options.Schema.For<LedgerEntry>();
        var sql = $"""
            select ({schema}.mt_immutable_timestamptz(data ->> 'at') at time zone 'UTC')::date as day, data ->> 'account', data ->> 'currency',
                   sum((data ->> 'debit')::numeric), sum((data ->> 'credit')::numeric)
            from {table}
            where {schema}.mt_immutable_timestamptz(data ->> 'at') >= @start and {schema}.mt_immutable_timestamptz(data ->> 'at') < @end
              and (@dept::text is null or data ->> 'departmentCode' = @dept)
            group by 1, 2, 3
            order by 1, (data ->> 'account') collate "C", 3
            """;
        await using var connection = query.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("start", start);
        command.Parameters.AddWithValue("end", end);
        command.Parameters.Add(new NpgsqlParameter("dept", NpgsqlDbType.Text) { Value = (object?)department ?? DBNull.Value });
        var totals = new List<LedgerDayTotal>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            totals.Add(new LedgerDayTotal(
                DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetString(1), reader.GetString(2),
                LedgerAmount.Of(reader.GetDecimal(3)), LedgerAmount.Of(reader.GetDecimal(4))));
        }
        return totals;
    }
}
