using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;

namespace MyGovernment.Domain.Reconciliation;

/// <summary>The five outcomes of matching a settlement statement against our captured payments (DESIGN §5.3).</summary>
public enum ReconciliationCategory
{
    /// <summary>The statement and our record agree on the payment and the amount.</summary>
    Matched,

    /// <summary>The statement settles a payment we captured, for another amount or currency.</summary>
    AmountMismatch,

    /// <summary>We captured the payment on the statement's day, and the statement does not settle it.</summary>
    MissingInStatement,

    /// <summary>The statement settles money we have no capture for (unknown reference, or not captured here).</summary>
    MissingInSystem,

    /// <summary>The statement settles a payment twice, or one an earlier statement already settled.</summary>
    Duplicate,
}

/// <summary>One line of a provider's settlement statement, as read from its file (line 1 is the first data row).</summary>
public sealed record StatementLine(
    int Line, string ProviderReference, string MerchantReference, Money Amount, DateTimeOffset CapturedAt, decimal Fee, decimal Net);

/// <summary>
/// One result of a reconciliation: the category, the rule that put it there, and both sides' evidence (the statement
/// line, the payment stream). Either side may be absent, depending on the category.
/// </summary>
public sealed record ReconciliationItem(
    ReconciliationCategory Category,
    string Rule,
    int? Line,
    string? ProviderReference,
    Guid? PaymentId,
    string? DepartmentCode,
    Money? StatementAmount,
    Money? SystemAmount);

/// <summary>What reconciliation needs to know about one of our payments (from its stream).</summary>
/// <param name="SettledOn">The statement date of the reconciliation that settled it, and <paramref name="SettledGross"/> what it settled.</param>
public sealed record PaymentForReconciliation(
    Guid PaymentId,
    long Version,
    string DepartmentCode,
    string? ProviderSessionId,
    PaymentStatus Status,
    Money? Captured,
    DateTimeOffset? CapturedAt,
    Guid? SettledBy,
    DateOnly? SettledOn = null,
    Money? SettledGross = null);
