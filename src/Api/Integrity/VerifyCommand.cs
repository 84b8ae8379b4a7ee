using System.Text.Json;
using JasperFx.CommandLine;
using MyGovernment.Integrity;

namespace MyGovernment.Api.Integrity;

public sealed class VerifyInput : NetCoreInput
{
    [Description("A checkpoints file exported earlier from GET /api/audit/checkpoints: verify against these instead of the stored ones")]
    public string? CheckpointsFlag { get; set; }

    [Description("A witness verifier key (vkey) the auditor holds, instead of the configured ones; repeat for several")]
    public List<string> WitnessKeyFlag { get; set; } = [];
}

/// <summary>`dotnet run --project src/Api -- verify [--checkpoints kept.json]`: the same check as GET /api/audit/verify, exit code 1 on any finding.</summary>
[Description("Recompute the event log from mt_events and report modified, deleted, inserted or reordered events and broken checkpoints", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public override async Task<bool> Execute(VerifyInput input)
    {
        using var host = input.BuildHost();
        IReadOnlyList<string>? kept = null;
        if (!string.IsNullOrEmpty(input.CheckpointsFlag))
        {
            kept = await CheckpointView.ReadKeptNotesAsync(input.CheckpointsFlag);
        }
        var report = await host.Services.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None, kept, input.WitnessKeyFlag.Count > 0 ? input.WitnessKeyFlag : null);
        Console.WriteLine(JsonSerializer.Serialize(report, ReceiptFile.Json));
        Console.WriteLine(report.Ok ? "verify: OK" : $"verify: {report.Findings.Count} finding(s), {report.TileFindings?.Count ?? 0} tile finding(s); {report.CheckpointSummary}");
        return report.Ok;
    }
}
