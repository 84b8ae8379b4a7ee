using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

    [Theory]
    [InlineData("Production", 0)]
    [InlineData("Staging", 0)]
    [InlineData("Development", 1)]
    [InlineData("Testing", 1)]
    public async Task The_sandbox_routes_are_mapped_only_in_development_and_testing(string environment, int mapped)
    {
        var builder = Builder(environment, null);
        builder.Services.AddSingleton(SandboxOptions.From(builder.Configuration, builder.PaymentsSandboxEnabled()));
        await using var app = builder.Build();
        app.MapPaymentsSandbox();
        // Nothing else is mapped on this bare app: any route source at all is the sandbox's /sandbox group. (The routes
        // themselves are not listed: that would need the sandbox's document store registered.)
        ((IEndpointRouteBuilder)app).DataSources.Count.ShouldBe(mapped);
    }
}
