using System.Diagnostics;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// One structured line per request: method, the route pattern (never the raw path or query string, which can hold
/// national IDs, codes or search terms), status and duration. The trace id comes from the log scope (LoggingSetup),
/// so this line, any error line of the same request and the traceId of its problem+json response share one id.
/// Who called is deliberately absent: the subject is personal data, and the events record the actor anyway.
/// A request its client gave up on is answered 499 and logged here at Information like any other (no stack trace);
/// error lines about its cancelled work are lowered to Information too (<see cref="RefusalLogLevel"/>).
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        ClientAbort.Current = context.RequestAborted;
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } pattern ? "/" + pattern.TrimStart('/') : "(no route)";
                Answered(logger, context.Request.Method, route, context.Response.StatusCode,
                    Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} answered {Status} in {ElapsedMs} ms")]
    private static partial void Answered(ILogger logger, string method, string route, int status, double elapsedMs);
}
