using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MyGovernment.Simulator;

/// <summary>
/// The API's own host (its Program, configuration and registrations) in this process, with the simulation's
/// overrides. No HTTP listener: the simulation sends its commands through the host's message bus.
/// </summary>
public sealed class SimulatedGovernment(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // The development witness listens on a fixed port beside the developer's API, which may be running: the
        // simulation's host starts none of its own (its checkpoints are then signed without that cosignature).
        builder.UseSetting("DevelopmentWitness:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseMyGovernmentSimulation();
    }
}
