using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using MyGovernment.PaymentsSandbox;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>The sandbox provider is a development and test tool: it must never run in production.</summary>
public sealed class SandboxSafetyTests
{
    private static WebApplicationBuilder Builder(string environment, string? enabled)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (enabled is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Payments:Sandbox:Enabled"] = enabled });
        }
        return builder;
    }

    [Fact]
    public void The_sandbox_refuses_to_start_in_production_and_is_off_there_by_default()
    {
        Should.Throw<InvalidOperationException>(() => Builder("Production", "true").PaymentsSandboxEnabled()).Message.ShouldContain("Development or Testing");
        Builder("Production", null).PaymentsSandboxEnabled().ShouldBeFalse();
        Builder("Development", null).PaymentsSandboxEnabled().ShouldBeTrue();
        Builder("Testing", "false").PaymentsSandboxEnabled().ShouldBeFalse();
    }
}
