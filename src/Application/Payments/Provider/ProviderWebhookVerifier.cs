using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Payments.Provider;

/// <summary>
/// Authenticates a webhook: an HMAC-SHA256 over "t.rawBody" with the shared secret, compared in constant time, and a
/// signed timestamp within the tolerance of our clock so a captured delivery cannot be replayed later.
/// </summary>
public sealed class ProviderWebhookVerifier(IOptions<PaymentProviderOptions> options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Verifies a delivery and, only when it is authentic, reads it into the command that records it. The command is
    /// set exactly when the verdict is <see cref="WebhookVerdict.Valid"/>.
    /// </summary>
    public (WebhookVerdict Verdict, RecordProviderEvent? Command) Read(string? signatureHeader, byte[] rawBody)
    {
        var verdict = Verify(signatureHeader, rawBody);
        if (verdict != WebhookVerdict.Valid)
        {
            return (verdict, null);
        }
        WebhookDelivery? body;
        try
        {
            body = JsonSerializer.Deserialize<WebhookDelivery>(rawBody, Json);
        }
        catch (JsonException)
        {
            return (WebhookVerdict.Malformed, null);
        }
        if (body is not { Id.Length: > 0, SessionId.Length: > 0 } || !Guid.TryParse(body.MerchantReference, out var paymentId))
        {
            return (WebhookVerdict.NotOurs, null);
        }
        return (WebhookVerdict.Valid, new RecordProviderEvent(
            paymentId, body.Id, body.SessionId, ProviderProtocol.ToStatus(body.Type),
            body.Amount is { } amount && body.Currency is { Length: 3 } currency ? new Money(amount, currency) : null,
            body.CreatedAt ?? clock.GetUtcNow(), WebhookBodyFingerprint.Of(body)));
    }

    public WebhookVerdict Verify(string? header, ReadOnlySpan<byte> rawBody)
    {
        if (string.IsNullOrEmpty(header))
        {
            return WebhookVerdict.Missing;
        }
        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var kv = part.Trim().Split('=', 2);
            if (kv.Length != 2)
            {
                continue;
            }
            if (kv[0] == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (kv[0] == "v1" && kv[1].Length == 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(kv[1]));
                }
                catch (FormatException)
                {
                    // Not hex: not a signature we could have made.
                }
            }
        }
        if (timestamp is null || signatures.Count == 0)
        {
            return WebhookVerdict.Missing;
        }

        var secret = Encoding.UTF8.GetBytes(options.Value.WebhookSecret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.Value.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + rawBody.Length];
        prefix.CopyTo(signed, 0);
        rawBody.CopyTo(signed.AsSpan(prefix.Length));
        var expected = HMACSHA256.HashData(secret, signed);
        // Any v1 may match (a provider rotating its secret sends one per secret); every comparison is constant-time.
        var valid = false;
        foreach (var signature in signatures)
        {
            valid |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }
        if (!valid)
        {
            return WebhookVerdict.BadSignature;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value);
        return age.Duration() > options.Value.WebhookTolerance ? WebhookVerdict.Stale : WebhookVerdict.Valid;
    }
}

public enum WebhookVerdict
{
    Valid,
    Missing,
    BadSignature,
    Stale,

    /// <summary>Authentic, but not the provider's JSON.</summary>
    Malformed,

    /// <summary>Authentic, but naming no event, session or payment of ours.</summary>
    NotOurs,
}
