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
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseMyGovernmentSimulation();
    }
}
