using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Domain.Oversight;

/// <summary>One imported settlement statement's stream: the import and the matching result.</summary>
public sealed class ReconciliationHistory
{
    public ReconciliationHistory(IReadOnlyList<OversightEvent> events)
    {
        Events = events;
        Imported = events.FirstOrDefault(e => e.Data is SettlementStatementImported);
        Reconciled = events.FirstOrDefault(e => e.Data is StatementReconciled);
    }

    public Guid ReconciliationId => Events[0].StreamId;

    public IReadOnlyList<OversightEvent> Events { get; }

    public OversightEvent? Imported { get; }

    public OversightEvent? Reconciled { get; }

    public SettlementStatementImported? Statement => Imported?.Data as SettlementStatementImported;
}
