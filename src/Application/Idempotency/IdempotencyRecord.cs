using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyGovernment.Application.Idempotency;

/// <summary>
/// The first successful response to a request sent with an <c>Idempotency-Key</c>, stored in the same transaction
/// as the events that request appended. <see cref="Id"/> is a hash of the caller's subject and the key, so keys are
/// scoped per caller and neither is stored in the clear; <see cref="RequestHash"/> fingerprints method, path,
/// If-Match and body, so reusing a key for a different request is detected.
/// </summary>
public sealed record IdempotencyRecord(
    string Id,
    string RequestHash,
    string ResponseJson,
    DateTimeOffset RecordedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Envelope headers through which the API hands the key to the handler's transaction.</summary>
    public const string IdHeader = "mygov-idempotency-id";

    public const string RequestHashHeader = "mygov-idempotency-request-hash";

    /// <summary>How the response is stored and read back; it must round-trip every command response exactly.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public bool IsLiveAt(DateTimeOffset now) => ExpiresAt > now;

    public T Response<T>() => JsonSerializer.Deserialize<T>(ResponseJson, Json)!;
}

/// <summary>How long a key is remembered (configuration section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public double RetentionHours { get; set; } = 72;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);
}
