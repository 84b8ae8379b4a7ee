using JasperFx.Events.Daemon;
using Marten;
using MyGovernment.Api.Hosting;
using MyGovernment.Application.Operations;
using Wolverine.Runtime;

namespace MyGovernment.Api.Operations;

/// <summary>A projection shard this node runs and how far it trails the newest event.</summary>
public sealed record ProjectionShardStatus(string Shard, string Status, long Position, long HighWaterMark, long Lag);

/// <summary>What an operator asks of one node (docs/operations.md "Status of a node").</summary>
public sealed record NodeStatusView(
    Guid NodeId,
    int NodeNumber,
    bool Leads,
    bool WarmedUp,
    IReadOnlyList<string> Agents,
    IReadOnlyList<ProjectionShardStatus> ProjectionShards,
    long InboxWaiting,
    long InboxScheduled,
    long InboxOwnedByMissingNodes,
    long OutboxWaiting,
    long DeadLetters,
    DateTimeOffset? LastCheckpointAt,
    double? LastCheckpointAgeSeconds,
    double TakeoverSeconds);

/// <summary>
/// Reads the figures of this node: its identity and roles from Wolverine's agent runtime (the leader holds the
/// "wolverine://leader" agent), the shards from Marten's projection daemon on this node, the backlog from the database.
/// The daemon's coordinator is optional: a node started with Marten:DaemonMode=Disabled has none, and the pre-generated
/// status endpoint is built as the node starts, so requiring it would stop such a node from starting at all.
/// </summary>
public sealed class NodeStatus(
    IWolverineRuntime runtime, IDocumentStore store, HandlerWarmUp warmUp,
    ClusterTimings cluster, TimeProvider clock, IProjectionCoordinator? coordinator = null)
{
    public const string LeaderAgent = "wolverine://leader";

    public async Task<NodeStatusView> ReadAsync(CancellationToken ct)
    {
        var agents = runtime.Agents.AllRunningAgentUris().Select(u => u.ToString()).Order(StringComparer.Ordinal).ToList();
        var backlog = await DurableBacklog.ReadAsync(store, MartenSetup.Schema, ct);
        var now = clock.GetUtcNow();
        return new NodeStatusView(
            runtime.Options.UniqueNodeId,
            runtime.DurabilitySettings.AssignedNodeNumber,
            agents.Contains(LeaderAgent),
            warmUp.Finished,
            agents,
            Shards(),
            backlog.InboxWaiting,
            backlog.InboxScheduled,
            backlog.InboxOwnedByMissingNodes,
            backlog.OutboxWaiting,
            backlog.DeadLetters,
            backlog.LastCheckpointAt,
            backlog.LastCheckpointAt is { } at ? Math.Max(0, (now - at).TotalSeconds) : null,
            cluster.TakeoverTime.TotalSeconds);
    }

    /// <summary>The shards the daemon runs on this node (none on a node that does not hold the daemon).</summary>
    public IReadOnlyList<ProjectionShardStatus> Shards()
    {
        if (coordinator is null)
        {
            return [];
        }
        var daemon = coordinator.DaemonForMainDatabase();
        return daemon.CurrentAgents()
            .Select(a => new ProjectionShardStatus(a.Name.Identity, a.Status.ToString(), a.Position, a.HighWaterMark, Math.Max(0, a.HighWaterMark - a.Position)))
            .OrderBy(s => s.Shard, StringComparer.Ordinal)
            .ToList();
    }
}
