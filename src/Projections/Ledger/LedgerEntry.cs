using System.Security.Cryptography;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Projections.Payments;

namespace MyGovernment.Projections.Ledger;

/// <summary>
/// One line of a double-entry posting in the revenue ledger. Every money event posts lines whose debits equal their
/// credits. The id derives from the event's id and the line number, so replaying an event writes the same rows.
/// </summary>
public sealed class LedgerEntry
{
    public Guid Id { get; set; }

    /// <summary>The event that posted it (evidence) and the line within that posting.</summary>
    public Guid EventId { get; set; }

    public int Line { get; set; }

    /// <summary><c>provider-clearing</c>, <c>revenue:{department}</c>, <c>bank</c> or <c>provider-fees</c>.</summary>
    public string Account { get; set; } = "";

    /// <summary>The department whose revenue this posting concerns.</summary>
    public string DepartmentCode { get; set; } = "";

    public decimal Debit { get; set; }

    public decimal Credit { get; set; }

    public string Currency { get; set; } = Money.Shekel;

    /// <summary>capture, refund or settlement: what kind of money movement posted it.</summary>
    public string Kind { get; set; } = "";

    public Guid PaymentId { get; set; }

    public Guid? RefundId { get; set; }

    /// <summary>When the money moved: the event's own time, never the clock.</summary>
    public DateTimeOffset At { get; set; }

    public static Guid IdFor(Guid eventId, int line)
    {
        Span<byte> input = stackalloc byte[20];
        eventId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], line);
        var hash = SHA256.HashData(input);
        // An RFC 9562 version 8 (custom) UUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static string Revenue(string department) => "revenue:" + department;

    public const string ProviderClearing = "provider-clearing";

    public const string Bank = "bank";

    public const string ProviderFees = "provider-fees";

    public const string Capture = "capture";

    public const string Refund = "refund";

    public const string Settlement = "settlement";
}

/// <summary>
/// The revenue ledger. Postings, each balanced (debits = credits), all in the payment's department:
/// <list type="bullet">
/// <item>capture: Dr provider-clearing / Cr revenue:{department} (the fee is earned, the provider holds the money);</item>
/// <item>refund succeeded: Dr revenue:{department} / Cr provider-clearing;</item>
/// <item>settlement: Dr bank (net) + Dr provider-fees (fee) / Cr provider-clearing (gross), so what is left in
/// clearing is money the provider still owes us, or a reconciliation break.</item>
/// </list>
/// Inline (see MartenSetup). The department of a capture comes from the payment's (inline) read model, written when
/// the payment was created, long before its capture.
/// </summary>
public sealed partial class RevenueLedgerProjection : EventProjection
{
    public RevenueLedgerProjection()
    {
        Name = "RevenueLedger";
        IncludeType<PaymentSucceeded>();
        IncludeType<RefundSucceeded>();
        IncludeType<PaymentSettled>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case PaymentSucceeded captured:
                var payment = await operations.LoadAsync<PaymentDetails>(captured.PaymentId, cancellation);
                var department = payment?.DepartmentCode ?? "unknown";
                Post(operations, e, LedgerEntry.Capture, department, captured.PaymentId, null, captured.At,
                    (LedgerEntry.ProviderClearing, captured.Captured, true),
                    (LedgerEntry.Revenue(department), captured.Captured, false));
                break;
            case RefundSucceeded refunded:
                Post(operations, e, LedgerEntry.Refund, refunded.DepartmentCode, refunded.PaymentId, refunded.RefundId, refunded.At,
                    (LedgerEntry.Revenue(refunded.DepartmentCode), refunded.Amount, true),
                    (LedgerEntry.ProviderClearing, refunded.Amount, false));
                break;
            case PaymentSettled settled:
                Post(operations, e, LedgerEntry.Settlement, settled.DepartmentCode, settled.PaymentId, null, settled.At,
                    (LedgerEntry.Bank, settled.Net, true),
                    (LedgerEntry.ProviderFees, settled.Fee, true),
                    (LedgerEntry.ProviderClearing, settled.Gross, false));
                break;
        }
    }

    private static void Post(
        IDocumentOperations operations, IEvent e, string kind, string department, Guid paymentId, Guid? refundId, DateTimeOffset at,
        params (string Account, Money Amount, bool Debit)[] lines)
    {
        var entries = lines
            .Select((l, i) => new LedgerEntry
            {
                Id = LedgerEntry.IdFor(e.Id, i),
                EventId = e.Id,
                Line = i,
                Account = l.Account,
                DepartmentCode = department,
                Debit = l.Debit ? l.Amount.Amount : 0m,
                Credit = l.Debit ? 0m : l.Amount.Amount,
                Currency = l.Amount.Currency,
                Kind = kind,
                PaymentId = paymentId,
                RefundId = refundId,
                At = at,
            })
            // A zero line (a settlement without a fee) says nothing; the posting still balances without it.
            .Where(l => l.Debit != 0m || l.Credit != 0m)
            .ToArray();
        operations.Store(entries);
    }
}
