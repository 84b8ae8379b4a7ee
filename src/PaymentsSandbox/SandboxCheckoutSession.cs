namespace MyGovernment.PaymentsSandbox;

/// <summary>The sandbox's own record of a checkout session (a Marten document in the "sandbox" schema, apart from ours).</summary>
public sealed class SandboxCheckoutSession
{
    public string Id { get; set; } = "";

    public string MerchantReference { get; set; } = "";

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "";

    /// <summary>card, cash or wallet.</summary>
    public string Channel { get; set; } = "";

    public string ReturnUrl { get; set; } = "";

    public string CallbackUrl { get; set; } = "";

    public string? CashReference { get; set; }

    /// <summary>open, authorised, succeeded, failed, cancelled or expired.</summary>
    public string Status { get; set; } = SandboxStatus.Open;

    public decimal AmountCaptured { get; set; }

    public decimal AmountRefunded { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? CapturedAt { get; set; }

    public List<SandboxEvent> Events { get; set; } = [];

    /// <summary>Delivery behaviour for this session only (tests run side by side), else the sandbox-wide one.</summary>
    public SandboxBehaviour? Behaviour { get; set; }

    public bool IsOpen => Status is SandboxStatus.Open;

    /// <summary>Records the outcome and its events; the caller delivers them as webhooks.</summary>
    public IReadOnlyList<SandboxEvent> Settle(string outcome, DateTimeOffset now)
    {
        var added = new List<SandboxEvent>();
        if (outcome == SandboxStatus.Succeeded)
        {
            if (Channel != "cash")
            {
                added.Add(NewEvent("payment.authorised", now));
            }
            added.Add(NewEvent("payment.succeeded", now));
            AmountCaptured = Amount;
            CapturedAt = now;
        }
        else
        {
            added.Add(NewEvent("payment." + outcome, now));
        }
        Status = outcome;
        Events.AddRange(added);
        return added;
    }

    /// <summary>An open session past its expiry is expired; its expiry event has a fixed id so re-reads add nothing new.</summary>
    public SandboxEvent? ExpireIfDue(DateTimeOffset now)
    {
        if (!IsOpen || now < ExpiresAt)
        {
            return null;
        }
        Status = SandboxStatus.Expired;
        var expired = new SandboxEvent($"evt_{Id}_expired", "payment.expired", 0m, ExpiresAt);
        Events.Add(expired);
        return expired;
    }

    private SandboxEvent NewEvent(string type, DateTimeOffset now) =>
        new("evt_" + Guid.NewGuid().ToString("N"), type, type == "payment.succeeded" ? Amount : 0m, now);
}

public sealed record SandboxEvent(string Id, string Type, decimal Amount, DateTimeOffset CreatedAt);

public static class SandboxStatus
{
    public const string Open = "open";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
}

/// <summary>
/// How webhooks are delivered: each one <see cref="Copies"/> times (0: lost, never delivered), in reverse order when <see cref="Reorder"/>, each
/// after <see cref="DelayMilliseconds"/>. Set with POST /sandbox/admin/behaviour, for one session or for all.
/// </summary>
public sealed class SandboxBehaviour
{
    public const string GlobalId = "global";

    public string Id { get; set; } = GlobalId;

    public int Copies { get; set; } = 1;

    public bool Reorder { get; set; }

    public int DelayMilliseconds { get; set; }

    /// <summary>Refunds are refused (as a card issuer might), to exercise the failure path.</summary>
    public bool FailRefunds { get; set; }

    /// <summary>The status API answers 503 for the session (an outage as we see it), to exercise StatusUnknown and its recovery.</summary>
    public bool StatusUnavailable { get; set; }
}
