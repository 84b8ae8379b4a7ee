namespace MyGovernment.Api.Hosting;

/// <summary>
/// Structured logs: outside Development every line is one JSON object with the trace and span ids of the request
/// (the same trace id a problem+json response carries as traceId), so an operator can follow one request across
/// log lines and nodes. Personal data stays out of messages (see LogSafeMessage).
/// </summary>
public static class LoggingSetup
{
    public static void AddMyGovernmentLogging(this WebApplicationBuilder builder)
    {
        // Marten logs a failed command with its parameter values: event and document JSON, i.e. personal data.
        // Failures still reach our problem handler, which logs 5xx without payloads.
        builder.Logging.AddFilter("Marten.IDocumentStore", LogLevel.Critical);
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        // Last, so that it wraps every provider registered above.
        builder.Services.LogRefusalsAsInformation();
    }
}
