using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Reconciliation;

// One stream per imported settlement statement. Stored contract: never rename or reshape; add new events instead.

/// <summary>
/// Finance imported a provider's settlement statement for one day. The file's SHA-256 identifies it: the same file
/// cannot be imported twice, and an auditor can prove which file a reconciliation was made from.
/// </summary>
public sealed record SettlementStatementImported(
    Guid ReconciliationId, string Provider, DateOnly StatementDate, string Sha256, int Lines, Money Gross, Money Fees, Money Net, Actor By, DateTimeOffset At);

/// <summary>The statement was matched against our captured payments: every line and every expected capture has an item.</summary>
public sealed record StatementReconciled(Guid ReconciliationId, IReadOnlyList<ReconciliationItem> Items, DateTimeOffset At);

// On the payment's stream, in the same transaction as the reconciliation's own events.

/// <summary>The provider paid this payment out, less its fee (from the statement line). Carries what the ledger posts.</summary>
public sealed record PaymentSettled(
    Guid PaymentId, Guid ReconciliationId, string DepartmentCode, DateOnly StatementDate, Money Gross, Money Fee, Money Net, DateTimeOffset At);

/// <summary>Finance's books and the provider's statement agree on this payment.</summary>
public sealed record PaymentReconciled(Guid PaymentId, Guid ReconciliationId, DateTimeOffset At);

/// <summary>A reconciliation found a break on this payment; it stays flagged until someone resolves it.</summary>
public sealed record PaymentReconciliationFlagged(
    Guid PaymentId, Guid ReconciliationId, ReconciliationCategory Category, string Rule, DateTimeOffset At);
