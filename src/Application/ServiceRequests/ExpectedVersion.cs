namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// The stream version a client last saw. Sent as HTTP If-Match it is a precondition (a mismatch is 412); sent in
/// the body it is an optimistic-concurrency claim (a mismatch is a 409 conflict, like losing a race at commit).
/// </summary>
public sealed record ExpectedVersion(long Version, bool IsPrecondition);

/// <summary>The client's expected version no longer matches the stream: reload and retry.</summary>
public sealed class StaleVersionException(ExpectedVersion expected, long actual)
    : Exception($"Expected version {expected.Version}, but the request is at version {actual}.")
{
    public ExpectedVersion Expected { get; } = expected;

    public long Actual { get; } = actual;
}
