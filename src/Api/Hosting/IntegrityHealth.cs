using Microsoft.Extensions.Diagnostics.HealthChecks;
using MyGovernment.Integrity;

namespace MyGovernment.Api.Hosting;

/// <summary>Degraded (still ready: commands are still taken) while this node's sealer has raised an integrity alarm.</summary>
public sealed class IntegrityHealth(IntegrityAlarm alarm) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var raised = alarm.Raised;
        return Task.FromResult(raised.Count == 0
            ? HealthCheckResult.Healthy("sealing")
            : HealthCheckResult.Degraded(string.Join(" ", raised.Select(r => $"{r.Key}: {r.Value}"))));
    }
}
