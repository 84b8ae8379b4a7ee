using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MyGovernment.Witness;

public static class WitnessSetup
{
    /// <summary>The witness from configuration section "Witness": its key, its state file and the logs it trusts.</summary>
    public static IServiceCollection AddWitness(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WitnessOptions>(configuration.GetSection("Witness"));
        services.AddSingleton(sp => CosigningKey.Load(sp.GetRequiredService<IOptions<WitnessOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => new WitnessState(Path.Combine(
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<IOptions<WitnessOptions>>().Value.StateFile)));
        services.AddSingleton(sp => new AddCheckpoint(
            sp.GetRequiredService<IOptions<WitnessOptions>>().Value.Logs.ToDictionary(l => l.Origin, l => LogKey.Parse(l.VerifierKey)),
            sp.GetRequiredService<CosigningKey>(), sp.GetRequiredService<WitnessState>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }

    /// <summary>POST {prefix}/add-checkpoint.</summary>
    public static void MapWitness(this IEndpointRouteBuilder app, string prefix = "")
    {
        app.MapPost(prefix + "/add-checkpoint", async (HttpRequest request, AddCheckpoint witness, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var answer = await witness.HandleAsync(await reader.ReadToEndAsync(ct), ct);
            return Results.Text(answer.Body, answer.ContentType, statusCode: answer.Status);
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
