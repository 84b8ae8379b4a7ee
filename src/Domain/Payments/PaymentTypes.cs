using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Payments;

public enum PaymentChannel
{
    Card,
    Cash,
    Wallet,
}

/// <summary>DESIGN §5.3. Settled and Reconciled follow Succeeded once settlement and reconciliation land.</summary>
public enum PaymentStatus
{
    Created,
    Started,
    Authorised,
    Succeeded,
    Failed,
    Cancelled,
    Expired,
    Error,
    StatusUnknown,
    Settled,
    Reconciled,
}

/// <summary>What a provider says about a payment, in a webhook or its status API, mapped from its own vocabulary.</summary>
public enum ProviderPaymentStatus
{
    Pending,
    Authorised,
    Succeeded,
    Failed,
    Cancelled,
    Expired,
}

/// <summary>One event as the provider reports it (a webhook, or a line of its status API's history).</summary>
public sealed record ProviderEventReport(string ProviderEventId, ProviderPaymentStatus Status, Money? Amount, DateTimeOffset At);
