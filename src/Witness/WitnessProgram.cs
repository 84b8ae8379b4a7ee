using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MyGovernment.Witness;

/// <summary>
/// `dotnet run --project src/Witness -- --urls http://127.0.0.1:7380 --Witness:Name witness.bureau.example/1
/// --Witness:Logs:0:Origin my-government/events --Witness:Logs:0:VerifierKey &lt;the log's vkey&gt;`: prints its own
/// verifier key, then serves POST /add-checkpoint (docs/verifiable-history.md, "Witnesses").
/// </summary>
public static class WitnessProgram
{
    public static async Task Main(string[] args)
    {
        var app = Build(args);
        await app.StartAsync();
        Console.WriteLine($"witness verifier key: {app.Services.GetRequiredService<CosigningKey>().VerifierKey}");
        await app.WaitForShutdownAsync();
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddWitness(builder.Configuration);
        var app = builder.Build();
        app.MapWitness();
        return app;
    }
}
