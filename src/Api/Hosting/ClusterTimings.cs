using Wolverine;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// How fast the other nodes notice a dead node and take over the durable work it had accepted (automatic assignment,
/// timers, cascaded messages), section "Cluster". Wolverine's defaults (a node is stale after 60 s of silence, checked
/// every 10 s, ejected on the second stale reading) took 73–75 s; these defaults take over within about 8 s
/// (StaleNodeTimeout + 2 × HealthCheckInterval + RecoveryInterval), under the 10 s we promise in docs/operations.md.
/// </summary>
public sealed class ClusterTimings
{
    /// <summary>How often each node writes its heartbeat and looks at the others (Wolverine HealthCheckPollingTime).</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Silence after which a node counts as dead (Wolverine StaleNodeTimeout). Several heartbeats long, so a busy or
    /// briefly paused node (garbage collection, a slow database round trip) is not ejected while it still works.
    /// </summary>
    public TimeSpan StaleNodeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often released work of dead nodes is picked up and due timers are run (Wolverine
    /// OrphanedMessageSweepPollingTime, NodeReassignmentPollingTime and ScheduledJobPollingTime).
    /// </summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a dead node's accepted work waits for another node, given these timings.</summary>
    /// <remarks>Stale, seen stale on two ticks and ejected (its ownership released), then swept and recovered.</remarks>
    public TimeSpan TakeoverTime => StaleNodeTimeout + 2 * HealthCheckInterval + 2 * RecoveryInterval;

    public static ClusterTimings From(IConfiguration configuration)
    {
        var timings = configuration.GetSection("Cluster").Get<ClusterTimings>() ?? new ClusterTimings();
        if (timings.HealthCheckInterval <= TimeSpan.Zero || timings.RecoveryInterval <= TimeSpan.Zero
            || timings.StaleNodeTimeout < 3 * timings.HealthCheckInterval)
        {
            throw new InvalidOperationException(
                "Cluster timings: HealthCheckInterval and RecoveryInterval must be positive, and StaleNodeTimeout at least three "
                + "HealthCheckIntervals (otherwise a live node that misses one heartbeat is declared dead).");
        }
        return timings;
    }

    public void ApplyTo(DurabilitySettings durability)
    {
        durability.HealthCheckPollingTime = HealthCheckInterval;
        durability.FirstHealthCheckExecution = HealthCheckInterval;
        durability.StaleNodeTimeout = StaleNodeTimeout;
        durability.OrphanedMessageSweepPollingTime = RecoveryInterval;
        durability.NodeReassignmentPollingTime = RecoveryInterval;
        durability.ScheduledJobPollingTime = RecoveryInterval;
        durability.ScheduledJobFirstExecution = RecoveryInterval;
    }
}
