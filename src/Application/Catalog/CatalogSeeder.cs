using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MyGovernment.Application.Catalog;

/// <summary>Seeds the demo catalog at start-up when "Catalog:SeedDemo" is true (the default in Development).</summary>
public sealed class CatalogSeeder(IDocumentStore store, IConfiguration configuration, ILogger<CatalogSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Catalog:SeedDemo"))
        {
            return;
        }
        var started = await SeedCatalog.SeedAsync(store, cancellationToken);
        logger.LogInformation("Demo catalog seeded: {Streams} new catalog streams", started);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
