using JasperFx.CommandLine;
using MyGovernment.Integrity;

namespace MyGovernment.Api.Integrity;

public sealed class ResolveInput : NetCoreInput
{
    [Description("The seq_id of the row the sealer refused")]
    public long SeqFlag { get; set; }

    [Description("The id of that row (both must match: a resolution names one exact row)")]
    public Guid EventIdFlag { get; set; }

    [Description("Who decides (the auditor's name or id)")]
    public string ByFlag { get; set; } = "";

    [Description("Why: what the investigation found")]
    public string ReasonFlag { get; set; } = "";
}

/// <summary>
/// `dotnet run --project src/Api -- resolve-unauthenticated --seq N --event-id ID --by NAME --reason TEXT`: an auditor
/// lets sealing pass over a row the sealer refused (docs/operations.md, "Sealing halted"). It runs where the
/// deployment's key is, records who and why under that key, and never seals the row.
/// </summary>
[Description("Record an auditor's resolution of a row the sealer refused (it is passed over, never sealed)", Name = "resolve-unauthenticated")]
public sealed class ResolveCommand : JasperFxAsyncCommand<ResolveInput>
{
    public override async Task<bool> Execute(ResolveInput input)
    {
        using var host = input.BuildHost();
        var resolution = await host.Services.GetRequiredService<IntegrityResolutions>()
            .RecordAsync(input.SeqFlag, input.EventIdFlag, input.ByFlag, input.ReasonFlag, CancellationToken.None);
        Console.WriteLine($"resolution {resolution.Id}: seq {resolution.Seq} ({resolution.EventId}) will be passed over, never sealed; by {resolution.ResolvedBy}: {resolution.Reason}");
        return true;
    }
}
