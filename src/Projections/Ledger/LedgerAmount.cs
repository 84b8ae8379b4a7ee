namespace MyGovernment.Projections.Ledger;

/// <summary>
/// One number format for ledger amounts: two decimals, the agora (e.g. <c>1350.00</c>, never <c>1350</c>). A .NET
/// decimal keeps the scale of what it was computed from, so sums of amounts stored as 650 and 700.00 would print either
/// way; a client or a spreadsheet comparing totals as text must see one form.
/// </summary>
public static class LedgerAmount
{
    private const decimal TwoPlaces = 0.00m;

    /// <summary>Rounded to the agora (half to even, as the ledger's amounts never need rounding), with scale two.</summary>
    public static decimal Of(decimal amount) => Math.Round(amount, 2, MidpointRounding.ToEven) + TwoPlaces;
}
