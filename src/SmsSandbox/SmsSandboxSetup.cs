using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MyGovernment.SmsSandbox;

/// <summary>Registers the sandbox SMS gateway; its endpoints are mapped only when it is enabled (Development and Testing).</summary>
public static class SmsSandboxSetup
{
    public static void AddSmsSandbox(this WebApplicationBuilder builder)
    {
        var allowed = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        var enabled = builder.Configuration.GetValue<bool?>($"{SmsSandboxOptions.Section}:Enabled") ?? allowed;
        if (enabled && !allowed)
        {
            throw new InvalidOperationException(
                $"{SmsSandboxOptions.Section}:Enabled is set in the '{builder.Environment.EnvironmentName}' environment. " +
                "The SMS sandbox can only run in Development or Testing; configure a real gateway (Notifications:Sms:GatewayUrl) instead.");
        }
        builder.Services.AddSingleton(SmsSandboxOptions.From(builder.Configuration, enabled));
        builder.Services.AddSingleton<SandboxSmsStore>();
        builder.Services.AddHttpClient(SandboxSmsApi.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
    }

    public static void MapSmsSandbox(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<SmsSandboxOptions>().Enabled)
        {
            return;
        }
        // Not our API (it stands in for the gateway), so it stays out of the OpenAPI document.
        var sandbox = app.MapGroup("/sms-sandbox").AllowAnonymous().WithTags("SMS sandbox").ExcludeFromDescription();
        SandboxSmsApi.Map(sandbox);
    }
}
