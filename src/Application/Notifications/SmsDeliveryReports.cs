using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;

namespace MyGovernment.Application.Notifications;

/// <summary>The gateway's report on one message: "delivered" or "failed".</summary>
public sealed record SmsDeliveryReport(Guid MessageId, string Status, DateTimeOffset At);

public enum SmsReportVerdict
{
    Accepted,
    BadSignature,
    Malformed,
}

/// <summary>
/// Checks the gateway's signature on a delivery report: hex HMAC-SHA256 of the raw body with the shared secret, in
/// <see cref="SignatureHeader"/>, compared in constant time before the body is parsed.
/// </summary>
public sealed class SmsReportVerifier(IOptions<NotificationOptions> options)
{
    public const string SignatureHeader = "X-Sms-Signature";

    public (SmsReportVerdict Verdict, SmsDeliveryReport? Report) Read(string? signature, byte[] body)
    {
        var secret = options.Value.Sms.CallbackSecret;
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(signature))
        {
            return (SmsReportVerdict.BadSignature, null);
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.Trim());
        }
        catch (FormatException)
        {
            return (SmsReportVerdict.BadSignature, null);
        }
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return (SmsReportVerdict.BadSignature, null);
        }
        try
        {
            var report = JsonSerializer.Deserialize<SmsDeliveryReport>(body, JsonSerializerOptions.Web);
            return report is { MessageId: var id, Status: "delivered" or "failed" } && id != Guid.Empty
                ? (SmsReportVerdict.Accepted, report)
                : (SmsReportVerdict.Malformed, null);
        }
        catch (JsonException)
        {
            return (SmsReportVerdict.Malformed, null);
        }
    }
}

/// <summary>Record what the gateway reported. Answers whether the message is one of ours.</summary>
public sealed record RecordSmsDeliveryReport(Guid NotificationId, bool Delivered, DateTimeOffset At) : LogSafeMessage;

public static class RecordSmsDeliveryReportHandler
{
    public static async Task<bool> Handle(RecordSmsDeliveryReport report, IDocumentSession session, CancellationToken ct)
    {
        var id = NotificationDelivery.IdFor(report.NotificationId, NotificationChannel.Sms);
        if (await session.LoadAsync<NotificationDelivery>(id, ct) is null)
        {
            return false;
        }
        session.Store(new NotificationDeliveryReport { Id = id, Delivered = report.Delivered, At = report.At });
        return true;
    }
}
