using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MyGovernment.Api.Operations;

/// <summary>
/// The operator's view: the status endpoint's services, and OpenTelemetry (traces and metrics of ASP.NET Core, HTTP
/// clients, the runtime, Wolverine, Marten and our own operations figures) exported over OTLP when
/// Telemetry:OtlpEndpoint is set. Unset, nothing is collected or exported (no cost).
/// </summary>
public static class OperationsSetup
{
    public static void AddMyGovernmentOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NodeStatus>();
        builder.Services.AddSingleton<OperationsTelemetry>();

        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationsTelemetry>());
        var otlp = new Uri(endpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration.GetValue("Telemetry:ServiceName", "my-government-api")!))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource(OperationsTelemetry.Name, "Wolverine", "Marten")
                .AddOtlpExporter(o => o.Endpoint = otlp))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OperationsTelemetry.Name, "Wolverine", "Marten")
                .AddOtlpExporter(o => o.Endpoint = otlp));
    }
}
