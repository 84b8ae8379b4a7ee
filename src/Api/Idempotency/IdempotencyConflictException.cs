namespace MyGovernment.Api.Idempotency;

/// <summary>An <c>Idempotency-Key</c> that cannot be honoured: reused for another request (422) or still in flight (409).</summary>
public sealed class IdempotencyConflictException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static IdempotencyConflictException Reused() => new(
        422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request. Use a new key for a new request.");

    public static IdempotencyConflictException InFlight() => new(
        409, "idempotency_in_flight", "A request with this Idempotency-Key is still being processed. Retry shortly to get its response.");
}
