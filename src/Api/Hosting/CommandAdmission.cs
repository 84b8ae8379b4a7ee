using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MyGovernment.Api.Hosting;

/// <summary>Section "Admission": how many commands a node runs at once, and how many may wait for a place.</summary>
public sealed class AdmissionOptions
{
    /// <summary>Commands running at once on this node; 0 turns admission control off.</summary>
    public int CommandsInProgress { get; set; } = 16;

    /// <summary>Commands waiting for a place, oldest first; a command beyond them is refused at once.</summary>
    public int CommandsQueued { get; set; } = 256;

    /// <summary>Longest a command waits for a place before it is refused.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Bounds the commands a node runs at once (issue 16). Past saturation, every extra command in progress makes all of
/// them slower (CPU, connections and row locks are shared), so a node that takes everything falls further behind the
/// longer a burst lasts: in one benchmark run 16 concurrent clients got 350 submissions/s and 64 got 241/s. With a
/// bound, the surplus waits in a FIFO queue for a limited time and is then refused with 503 <c>server_busy</c> and
/// Retry-After, which a client or a load balancer can act on, while the admitted commands keep their latency.
/// </summary>
public sealed class CommandAdmission : IDisposable
{
    private readonly ConcurrencyLimiter? _limiter;

    public CommandAdmission(IOptions<AdmissionOptions> options)
    {
        var o = options.Value;
        QueueTimeout = o.QueueTimeout;
        if (o.CommandsInProgress > 0)
        {
            _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = o.CommandsInProgress,
                QueueLimit = Math.Max(0, o.CommandsQueued),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        }
    }

    public TimeSpan QueueTimeout { get; }

    /// <summary>
    /// A place for one command, waiting at most <see cref="QueueTimeout"/>; null when the node is full. Dispose the
    /// place when the command is done. Without a limit every command gets a place at once.
    /// </summary>
    public async ValueTask<IDisposable?> EnterAsync(CancellationToken ct)
    {
        if (_limiter is null)
        {
            return NoLimit.Instance;
        }
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(QueueTimeout);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        if (lease.IsAcquired)
        {
            return lease;
        }
        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter?.Dispose();

    private sealed class NoLimit : IDisposable
    {
        public static readonly NoLimit Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>
/// Admits state-changing API requests through <see cref="CommandAdmission"/>. It runs after the body guards, which
/// have read a JSON body into memory, and after authentication and authorization: a place is only taken by a request
/// that is complete and allowed, so a client sending its body slowly, or without a valid token, holds none. Bodies
/// the guards do not buffer (document uploads, read by their endpoint as a stream) are not admitted here, for the same
/// reason. Reads are never queued: they are cheap, and a citizen looking up a request should not wait behind a burst
/// of submissions.
/// </summary>
public sealed class CommandAdmissionMiddleware(RequestDelegate next, CommandAdmission admission)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsCommand(request) || (request.ContentLength > 0 && !request.Body.CanSeek))
        {
            await next(context);
            return;
        }
        using var place = await admission.EnterAsync(context.RequestAborted);
        if (place is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
                detail: "The service is busy. Try again after the Retry-After interval.",
                extensions: new Dictionary<string, object?> { ["code"] = "server_busy" }).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool IsCommand(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
            || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method));
}

public static class CommandAdmissionSetup
{
    public static void AddMyGovernmentAdmission(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AdmissionOptions>(builder.Configuration.GetSection("Admission"));
        builder.Services.AddSingleton<CommandAdmission>();
    }
}
