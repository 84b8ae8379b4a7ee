namespace MyGovernment.Application.ServiceRequests;

/// <summary>A one-time upgrade of stored data that has finished (see <see cref="RequestWriteModelBackfill"/>).</summary>
public sealed class CompletedUpgrade
{
    public string Id { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
