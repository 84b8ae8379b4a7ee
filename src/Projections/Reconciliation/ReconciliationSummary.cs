using MyGovernment.Domain.Common;
using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Projections.Reconciliation;

/// <summary>A reconciliation without its items: what lists and imports answer, and what the <c>reconcile</c> command prints.</summary>
public sealed record ReconciliationSummary(
    Guid Id, string Provider, DateOnly StatementDate, string Sha256, int Lines, Money Gross, Money Fees, Money Net, string ImportedBy,
    DateTimeOffset ImportedAt, IReadOnlyDictionary<ReconciliationCategory, int> Counts, int Breaks, string Items)
{
    public static ReconciliationSummary Of(ReconciliationDetails r) => new(
        r.Id, r.Provider, r.StatementDate, r.Sha256, r.Lines, r.Gross, r.Fees, r.Net, r.ImportedBy, r.ImportedAt, r.Counts, r.Breaks,
        $"/api/finance/reconciliations/{r.Id}");
}
