namespace MyGovernment.Api.Idempotency;

/// <summary>An <c>Idempotency-Key</c> that cannot be honoured: reused for another request (422) or still in flight (409).</summary>
public sealed class IdempotencyConflictException(int status, string code, string message, string? route = null) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Method and route pattern of the refused request, so the log line says which endpoint (never the raw path).</summary>
    public string? Route { get; } = route;

    public static IdempotencyConflictException Reused() => new(
        422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request. Use a new key for a new request.");

    public static IdempotencyConflictException InFlight(HttpContext http) => new(
        409, "idempotency_in_flight", "A request with this Idempotency-Key is still being processed. Retry shortly to get its response.",
        RouteOf(http));

    /// <summary>"POST /api/service-requests/{id}/approve": the pattern, as the request log names it.</summary>
    public static string RouteOf(HttpContext http) =>
        http.Request.Method + " " + ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } pattern ? "/" + pattern.TrimStart('/') : "(no route)");
}
