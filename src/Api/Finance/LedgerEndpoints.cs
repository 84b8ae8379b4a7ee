using Marten;
using Npgsql;
using NpgsqlTypes;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Projections.Finance;
using Wolverine.Http;

namespace MyGovernment.Api.Finance;

public sealed record LedgerDayTotal(DateOnly Day, string Account, string Currency, decimal Debit, decimal Credit);

public sealed record LedgerReport(DateOnly From, DateOnly To, string? Department, IReadOnlyList<LedgerDayTotal> Totals, decimal TotalDebit, decimal TotalCredit);

public static class LedgerEndpoints
{
    [Authorize(Roles = $"{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/finance/ledger", OperationId = "GetRevenueLedger")]
    [EndpointSummary("Revenue ledger totals")]
    [EndpointDescription("Per-account, per-day (UTC) debit and credit totals of the double-entry revenue ledger (captures, refunds and settlements), for `from`..`to` (yyyy-MM-dd, inclusive, at most 366 days; default the last 30 days) and optionally one `department`. Accounts: `revenue:{department}`, `provider-clearing`, `bank`, `provider-fees`. The ledger is written in the same transaction as the money event, so debits equal credits at every moment.")]
    [Tags("Finance")]
    public static async Task<LedgerReport> Get(string? from, string? to, string? department, IQuerySession query, TimeProvider clock, CancellationToken ct)
    {
        var (first, last) = FinanceDates.Range(from, to, clock);
        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var dept = string.IsNullOrEmpty(department) ? null : department;

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
        command.Parameters.Add(new NpgsqlParameter("dept", NpgsqlDbType.Text) { Value = (object?)dept ?? DBNull.Value });
        var totals = new List<LedgerDayTotal>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                totals.Add(new LedgerDayTotal(
                    DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetString(1), reader.GetString(2),
                    LedgerAmount.Of(reader.GetDecimal(3)), LedgerAmount.Of(reader.GetDecimal(4))));
            }
        }
        return new LedgerReport(first, last, dept, totals, LedgerAmount.Of(totals.Sum(t => t.Debit)), LedgerAmount.Of(totals.Sum(t => t.Credit)));
    }
}
