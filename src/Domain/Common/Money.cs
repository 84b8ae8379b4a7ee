namespace MyGovernment.Domain.Common;

/// <summary>An amount in one currency. Decimal, never floating point: fees must add up to the agora.</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public const string Shekel = "ILS";

    public static Money Ils(decimal amount) => new(amount, Shekel);

    public static Money Zero(string currency) => new(0m, currency);

    public Money Add(Money other)
    {
        if (other.Currency != Currency)
        {
            throw new DomainException("currency_mismatch", $"Cannot add {other.Currency} to {Currency}.");
        }
        return this with { Amount = Amount + other.Amount };
    }

    public override string ToString() => $"{Amount:0.00} {Currency}";
}
