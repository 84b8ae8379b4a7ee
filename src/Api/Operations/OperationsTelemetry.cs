using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MyGovernment.Api.Operations;

/// <summary>
/// The status endpoint's figures as OpenTelemetry metrics (meter "MyGovernment.Operations", every gauge tagged with
/// the node id) and a trace per sample (activity source of the same name). Sampled in the background every
/// Telemetry:SampleInterval, because gauges are read synchronously and the backlog needs a database round trip.
/// </summary>
public sealed class OperationsTelemetry : BackgroundService
{
    public const string Name = "MyGovernment.Operations";

    private static readonly ActivitySource Source = new(Name);

    private readonly NodeStatus _status;
    private readonly TimeSpan _interval;
    private readonly ILogger<OperationsTelemetry> _logger;
    private readonly Meter _meter;
    private NodeStatusView? _last;

    public OperationsTelemetry(NodeStatus status, IMeterFactory meters, IConfiguration configuration, ILogger<OperationsTelemetry> logger)
    {
        _status = status;
        _logger = logger;
        _interval = configuration.GetValue("Telemetry:SampleInterval", TimeSpan.FromSeconds(15));
        _meter = meters.Create(Name);
        Gauge("mygov.node.leader", "{node}", "1 when this node leads the cluster (assigns agents)", s => s.Leads ? 1 : 0);
        Gauge("mygov.node.agents", "{agent}", "agents running on this node", s => s.Agents.Count);
        Gauge("mygov.inbox.waiting", "{message}", "durable messages accepted and not yet handled (cluster-wide)", s => s.InboxWaiting);
        Gauge("mygov.inbox.scheduled", "{message}", "timers not yet due (cluster-wide)", s => s.InboxScheduled);
        Gauge("mygov.inbox.orphaned", "{message}", "waiting messages owned by a node that is gone", s => s.InboxOwnedByMissingNodes);
        Gauge("mygov.outbox.waiting", "{message}", "messages committed and not yet sent on (cluster-wide)", s => s.OutboxWaiting);
        Gauge("mygov.dead_letters", "{message}", "messages that failed for good", s => s.DeadLetters);
        Gauge("mygov.integrity.checkpoint_age", "s", "seconds since the last signed checkpoint", s => s.LastCheckpointAgeSeconds ?? double.NaN);
        _meter.CreateObservableGauge<long>("mygov.projection.lag", ShardLags, "{event}", "events a projection shard on this node trails the newest event");
    }

    /// <summary>The last sample, for tests and for the gauges.</summary>
    public NodeStatusView? Last => _last;

    /// <summary>Takes one sample now (also what the background loop does).</summary>
    public async Task<NodeStatusView> SampleAsync(CancellationToken ct)
    {
        using var activity = Source.StartActivity("operations.sample");
        var status = await _status.ReadAsync(ct);
        activity?.SetTag("mygov.node.id", status.NodeId);
        activity?.SetTag("mygov.node.leader", status.Leads);
        activity?.SetTag("mygov.inbox.waiting", status.InboxWaiting);
        activity?.SetTag("mygov.outbox.waiting", status.OutboxWaiting);
        _last = status;
        return status;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage shows in /health/ready and in the last values going stale; it must not stop sampling.
                _logger.LogWarning(e, "Operations sample failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    private void Gauge(string name, string unit, string description, Func<NodeStatusView, double> read) =>
        _meter.CreateObservableGauge<double>(name, () => _last is { } s ? [new Measurement<double>(read(s), NodeTag(s))] : [], unit, description);

    private IEnumerable<Measurement<long>> ShardLags() =>
        _last is { } s
            ? s.ProjectionShards.Select(p => new Measurement<long>(p.Lag, NodeTag(s), new("shard", p.Shard)))
            : [];

    private static KeyValuePair<string, object?> NodeTag(NodeStatusView s) => new("node", s.NodeId.ToString());
}
