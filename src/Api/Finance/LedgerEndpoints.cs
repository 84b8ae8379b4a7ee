using Marten;
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
        var entries = query.Query<LedgerEntry>().Where(l => l.At >= start && l.At < end);
        if (!string.IsNullOrEmpty(department))
        {
            entries = entries.Where(l => l.DepartmentCode == department);
        }
        var rows = await entries.ToListAsync(ct);
        var totals = rows
            .GroupBy(l => (Day: DateOnly.FromDateTime(l.At.UtcDateTime), l.Account, l.Currency))
            .Select(g => new LedgerDayTotal(g.Key.Day, g.Key.Account, g.Key.Currency, g.Sum(l => l.Debit), g.Sum(l => l.Credit)))
            .OrderBy(t => t.Day).ThenBy(t => t.Account, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal)
            .ToList();
        return new LedgerReport(first, last, string.IsNullOrEmpty(department) ? null : department, totals, rows.Sum(l => l.Debit), rows.Sum(l => l.Credit));
    }
}
