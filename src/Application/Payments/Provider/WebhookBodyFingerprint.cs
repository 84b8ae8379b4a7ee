using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MyGovernment.Application.Payments.Provider;

/// <summary>
/// What a delivery says, as a digest: every field of the parsed body, so a replay that is re-signed (a fresh signature
/// and timestamp) or re-serialized (other whitespace or property order) still matches, and one that changes any
/// field does not. The amount is compared by value (650 and 650.00 are the same amount).
/// </summary>
public static class WebhookBodyFingerprint
{
    public static string Of(WebhookDelivery body)
    {
        var text = string.Join('\n',
            body.Id, body.Type, body.SessionId, body.MerchantReference,
            body.Amount?.ToString("0.############", CultureInfo.InvariantCulture), body.Currency,
            body.CreatedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
