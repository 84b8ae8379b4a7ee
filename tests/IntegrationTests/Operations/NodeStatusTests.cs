using System.Diagnostics.Metrics;
using Alba;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MyGovernment.Api.Hosting;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Operations;
using MyGovernment.IntegrationTests.Support;
using Shouldly;
using Wolverine.Runtime;

namespace MyGovernment.IntegrationTests.Operations;

public sealed class NodeStatusTests(AppFixture app)
{
    [Fact]
    public async Task The_status_is_for_administrators_and_auditors_only()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/operations/status");
            s.StatusCodeShouldBe(401);
        });
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("citizen-status", Roles.Citizen, nationalId: Citizens.NewNationalId())).Get.Url("/api/operations/status");
            s.StatusCodeShouldBe(403);
        });
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("auditor-status", Roles.Auditor)).Get.Url("/api/operations/status");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task The_status_names_this_node_its_role_shards_backlog_and_checkpoint_age()
    {
        // A checkpoint signed now: its age must be small.
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("auditor-status", Roles.Auditor)).Post.Url("/api/audit/checkpoints");
            s.StatusCodeShouldBe(201);
        });
        var runtime = app.Host.Services.GetRequiredService<IWolverineRuntime>();
        var result = await app.Host.Scenario(s => s.As(app.TokenFor("admin-status", Roles.Admin)).Get.Url("/api/operations/status"));
        var status = (await result.ReadAsJsonAsync<NodeStatusView>())!;

        status.NodeId.ShouldBe(runtime.Options.UniqueNodeId);
        status.NodeNumber.ShouldBe(runtime.DurabilitySettings.AssignedNodeNumber);
        status.Agents.ShouldBe(runtime.Agents.AllRunningAgentUris().Select(u => u.ToString()), ignoreOrder: true);
        status.Leads.ShouldBe(status.Agents.Contains(NodeStatus.LeaderAgent));
        // The suite's only node runs the daemon (Solo): the access-log projection is one of its shards.
        status.ProjectionShards.ShouldContain(s => s.Shard.StartsWith("AccessLog", StringComparison.OrdinalIgnoreCase), string.Join(", ", status.ProjectionShards.Select(s => s.Shard)));
        status.ProjectionShards.ShouldAllBe(s => s.Lag == Math.Max(0, s.HighWaterMark - s.Position));
        status.LastCheckpointAgeSeconds.ShouldNotBeNull().ShouldBeLessThan(60);
        status.TakeoverSeconds.ShouldBeLessThanOrEqualTo(10);
        status.DeadLetters.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task The_same_figures_are_published_as_metrics_tagged_with_the_node()
    {
        var telemetry = app.Host.Services.GetRequiredService<OperationsTelemetry>();
        var measured = new Dictionary<string, (double Value, string? Node)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OperationsTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            lock (measured)
            {
                measured[instrument.Name] = (value, tags.ToArray().Single(t => t.Key == "node").Value?.ToString());
            }
        });
        listener.Start();

        var sample = await telemetry.SampleAsync(TestContext.Current.CancellationToken);
        listener.RecordObservableInstruments();

        var node = sample.NodeId.ToString();
        measured["mygov.inbox.waiting"].ShouldBe((sample.InboxWaiting, node));
        measured["mygov.outbox.waiting"].ShouldBe((sample.OutboxWaiting, node));
        measured["mygov.node.leader"].ShouldBe((sample.Leads ? 1 : 0, node));
        measured["mygov.node.agents"].ShouldBe((sample.Agents.Count, node));
        measured.ShouldContainKey("mygov.integrity.checkpoint_age");
    }

    [Fact]
    public async Task Readiness_waits_for_the_warm_up()
    {
        using var started = new CancellationTokenSource();
        var lifetime = new StartedOnly(started.Token);
        using var warmUp = new HandlerWarmUp(app.Host.Services, lifetime, Settings("true"), NullLogger<HandlerWarmUp>.Instance);
        await warmUp.StartAsync(TestContext.Current.CancellationToken);
        // The host has not reported started, so the command path has not run yet: not ready (CommandPathWarmUpTests
        // runs it; docs/operations.md gives the measured warm-up times).
        (await new HandlerWarmUp.Check(warmUp).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken))
            .Status.ShouldBe(HealthStatus.Unhealthy);
        await warmUp.StopAsync(TestContext.Current.CancellationToken);

        using var disabled = new HandlerWarmUp(app.Host.Services, lifetime, Settings("false"), NullLogger<HandlerWarmUp>.Instance);
        await disabled.StartAsync(TestContext.Current.CancellationToken);
        await disabled.ExecuteTask!;
        (await new HandlerWarmUp.Check(disabled).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken))
            .Status.ShouldBe(HealthStatus.Healthy);
        await disabled.StopAsync(TestContext.Current.CancellationToken);
    }

    private static IConfiguration Settings(string enabled) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WarmUp:Enabled"] = enabled }).Build();

    private sealed class StartedOnly(CancellationToken started) : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => started;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
