using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Projections.Reconciliation;

/// <summary>One imported settlement statement and what its reconciliation found, for finance and auditors.</summary>
public sealed class ReconciliationDetails
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Provider { get; set; } = "";

    public DateOnly StatementDate { get; set; }

    /// <summary>SHA-256 of the imported file, lower-case hex: proves which file this reconciliation was made from.</summary>
    public string Sha256 { get; set; } = "";

    public int Lines { get; set; }

    public Money Gross { get; set; } = Money.Zero(Money.Shekel);

    public Money Fees { get; set; } = Money.Zero(Money.Shekel);

    public Money Net { get; set; } = Money.Zero(Money.Shekel);

    public string ImportedBy { get; set; } = "";

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>How many items fell in each category (every category present, zero included).</summary>
    public Dictionary<ReconciliationCategory, int> Counts { get; set; } = [];

    /// <summary>Items other than Matched: what finance has to look at.</summary>
    public int Breaks { get; set; }

    public List<ReconciliationItem> Items { get; set; } = [];
}

public sealed partial class ReconciliationDetailsProjection : SingleStreamProjection<ReconciliationDetails, Guid>
{
    /// <summary>Run inline only for the transactions with an event of this projection's (see InlineScreen).</summary>
    protected override IInlineProjection<IDocumentOperations> buildForInline() => new InlineScreen(base.buildForInline(), () => AllEventTypes);

    public static ReconciliationDetails Create(IEvent<SettlementStatementImported> e) => new()
    {
        Version = e.Version,
        Provider = e.Data.Provider,
        StatementDate = e.Data.StatementDate,
        Sha256 = e.Data.Sha256,
        Lines = e.Data.Lines,
        Gross = e.Data.Gross,
        Fees = e.Data.Fees,
        Net = e.Data.Net,
        ImportedBy = e.Data.By.Subject,
        ImportedAt = e.Data.At,
    };

    public static void Apply(IEvent<StatementReconciled> e, ReconciliationDetails view)
    {
        view.Version = e.Version;
        view.Items = [.. e.Data.Items];
        view.Counts = Enum.GetValues<ReconciliationCategory>().ToDictionary(c => c, c => e.Data.Items.Count(i => i.Category == c));
        view.Breaks = e.Data.Items.Count(i => i.Category != ReconciliationCategory.Matched);
    }
}
