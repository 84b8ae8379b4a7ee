using Marten;
using MyGovernment.Projections.Ledger;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>What must hold of the revenue ledger at every moment: each posting, each department and the whole balance.</summary>
public static class LedgerBalance
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IDocumentStore store, bool requireEntries, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var all = await session.Query<LedgerEntry>().ToListAsync(ct);
        var problems = new List<string>();
        if (requireEntries && all.Count == 0)
        {
            problems.Add("the ledger is empty: nothing was posted, so nothing was checked");
        }
        if (all.Sum(l => l.Debit) != all.Sum(l => l.Credit))
        {
            problems.Add($"total debits {all.Sum(l => l.Debit)} ≠ total credits {all.Sum(l => l.Credit)}");
        }
        problems.AddRange(all.GroupBy(l => l.EventId).Where(g => g.Sum(l => l.Debit) != g.Sum(l => l.Credit))
            .Select(g => $"posting of event {g.Key} does not balance"));
        problems.AddRange(all.GroupBy(l => (l.DepartmentCode, l.Currency)).Where(g => g.Sum(l => l.Debit) != g.Sum(l => l.Credit))
            .Select(g => $"department {g.Key.DepartmentCode} ({g.Key.Currency}) does not balance"));
        problems.AddRange(all.Where(l => l.Id != LedgerEntry.IdFor(l.EventId, l.Line)).Select(l => $"entry {l.Id} is not keyed by its event and line"));
        problems.AddRange(all.Where(l => l.Debit < 0 || l.Credit < 0 || (l.Debit != 0 && l.Credit != 0))
            .Select(l => $"entry {l.Id} is not one positive debit or credit"));
        return problems;
    }
}
