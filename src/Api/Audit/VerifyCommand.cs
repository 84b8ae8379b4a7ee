using System.Text.Json;
using JasperFx.CommandLine;

namespace MyGovernment.Api.Audit;

/// <summary>`dotnet run --project src/Api -- verify`: the same check as GET /api/audit/verify, exit code 1 on any finding.</summary>
[Description("Recompute the event log from mt_events and report modified, deleted, inserted or reordered events and broken checkpoints", Name = "verify")]
public sealed class VerifyCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = input.BuildHost();
        var report = await host.Services.GetRequiredService<LogVerifier>().VerifyAsync(CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(report, ReceiptFile.Json));
        Console.WriteLine(report.Ok ? "verify: OK" : $"verify: {report.Findings.Count} finding(s); {report.CheckpointSummary}");
        return report.Ok;
    }
}
