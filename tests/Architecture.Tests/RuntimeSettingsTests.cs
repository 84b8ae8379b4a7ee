using System.Text.Json;
using Shouldly;

namespace MyGovernment.Architecture.Tests;

/// <summary>
/// Runtime settings the API's measured CPU per command depends on (docs/benchmarks.md), read from the runtime
/// configuration the build writes next to the API, the file the runtime itself reads at start.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_api_runs_with_server_gc_and_thread_pool_workers_that_sleep_instead_of_spinning()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MyGovernment.Api.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        properties.GetProperty("System.GC.Server").GetBoolean().ShouldBeTrue();
        properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32().ShouldBe(0);
    }
}
