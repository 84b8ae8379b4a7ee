using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace MyGovernment.PaymentsSandbox;

/// <summary>Registers the sandbox provider; its endpoints are mapped only when it is enabled.</summary>
public static class SandboxSetup
{
    public const string Schema = "sandbox";

    /// <summary>On by default in Development and Testing; setting it anywhere else stops the host, like the development token issuer.</summary>
    public static bool PaymentsSandboxEnabled(this WebApplicationBuilder builder)
    {
        var allowed = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        var enabled = builder.Configuration.GetValue<bool?>($"{SandboxOptions.Section}:Enabled") ?? allowed;
        if (enabled && !allowed)
        {
            throw new InvalidOperationException(
                $"{SandboxOptions.Section}:Enabled is set in the '{builder.Environment.EnvironmentName}' environment. " +
                "The payment sandbox can only run in Development or Testing; configure a real provider (Payments:Provider) instead.");
        }
        return enabled;
    }

    public static SandboxOptions AddPaymentsSandbox(this WebApplicationBuilder builder)
    {
        var options = SandboxOptions.From(builder.Configuration, builder.PaymentsSandboxEnabled());
        // Registered even when disabled so the delivery handler's dependencies resolve; nothing sends to it then.
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IWebhookTransport, HttpWebhookTransport>();
        builder.Services.AddHttpClient(HttpWebhookTransport.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<SandboxCheckoutSession>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true).Index(s => s.CashReference!).Index(s => s.CapturedAt!);
            opts.Schema.For<SandboxBehaviour>().DatabaseSchemaName(Schema);
            opts.Schema.For<SandboxRefund>().DatabaseSchemaName(Schema);
        });
        // One delivery at a time, in the order queued: the behaviour switches decide the order the merchant sees.
        builder.Services.ConfigureWolverine(opts =>
        {
            // Its delivery handler lives here, outside the host's assembly, so Wolverine is told where to find it.
            opts.Discovery.IncludeAssembly(typeof(SandboxSetup).Assembly);
            opts.LocalQueueFor<DeliverSandboxWebhook>().Sequential();
        });
        return options;
    }

    public static void MapPaymentsSandbox(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<SandboxOptions>().Enabled)
        {
            return;
        }
        // Not our API (it stands in for the provider), so it stays out of the OpenAPI document.
        var sandbox = app.MapGroup("/sandbox").AllowAnonymous().WithTags("Payments sandbox").ExcludeFromDescription();
        SandboxCheckoutApi.Map(sandbox);
        SandboxHostedPage.Map(sandbox);
        SandboxSettlementFile.Map(sandbox);
        SandboxRefundApi.Map(sandbox);
    }
}
