namespace MyGovernment.Api.Hosting;

/// <summary>
/// The aborted-token of the HTTP request being served on this async flow (set by <see cref="RequestLogging"/>), so a
/// logger deep inside Wolverine or Marten can tell a client that gave up from a failure of ours.
/// </summary>
public static class ClientAbort
{
    private static readonly AsyncLocal<CancellationToken?> Token = new();

    public static CancellationToken? Current
    {
        get => Token.Value;
        set => Token.Value = value;
    }
}
