using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Projections.Ledger;
using Wolverine.Http;

namespace MyGovernment.Api.Ledger;

public sealed record LedgerReport(DateOnly From, DateOnly To, string? Department, IReadOnlyList<LedgerDayTotal> Totals, decimal TotalDebit, decimal TotalCredit);

public static class LedgerEndpoint
{
    [Authorize(Roles = $"{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/finance/ledger", OperationId = "GetRevenueLedger")]
    [EndpointSummary("Revenue ledger totals")]
    [EndpointDescription("Per-account, per-day (UTC) debit and credit totals of the double-entry revenue ledger (captures, refunds and settlements), for `from`..`to` (yyyy-MM-dd, inclusive, at most 366 days; default the last 30 days) and optionally one `department`. Accounts: `revenue:{department}`, `provider-clearing`, `bank`, `provider-fees`. The ledger is written in the same transaction as the money event, so debits equal credits at every moment.")]
    [Tags("Finance")]
    public static async Task<LedgerReport> Get(string? from, string? to, string? department, IQuerySession query, TimeProvider clock, CancellationToken ct)
    {
        var (first, last) = DayRange.Range(from, to, clock);
        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var dept = string.IsNullOrEmpty(department) ? null : department;

        var totals = await LedgerTotals.QueryAsync(query, start, end, dept, ct);
        return new LedgerReport(first, last, dept, totals, LedgerAmount.Of(totals.Sum(t => t.Debit)), LedgerAmount.Of(totals.Sum(t => t.Credit)));
    }
}
