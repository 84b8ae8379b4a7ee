using MyGovernment.Api.Hosting;

namespace MyGovernment.Api.Errors;

/// <summary>
/// Answers a refused request (a 4xx problem: a stale version, a broken rule, invalid input, someone else's object)
/// next to the endpoint instead of at the outer exception handler. Each middleware an exception passes rethrows it,
/// and a refusal used to pass all of them: a stale command was thrown 21 times on its way out, 13 now
/// (<c>RefusalResponseTests</c>; its CPU in docs/benchmarks.md, issue 16 part O). Refusals are what a client retrying
/// blindly or a flood of bad commands is made of. The answer is the same problem+json, written by
/// <see cref="ProblemExceptionHandler"/>; failures
/// (5xx) and cancellations still go out to <c>UseExceptionHandler</c>. The endpoint stays set, so the request's log
/// line names its route.
/// </summary>
public sealed class RefusalResponseMiddleware(RequestDelegate next, ProblemExceptionHandler problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception refusal) when (!context.Response.HasStarted && RefusalLogLevel.IsRefusal(refusal) && !context.RequestAborted.IsCancellationRequested)
        {
            // As the outer handler does: nothing the endpoint began to answer survives, and the answer is not cached.
            context.Response.Clear();
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.CacheControl = "no-cache,no-store";
                headers.Pragma = "no-cache";
                headers.Expires = "-1";
                headers.ETag = default;
                return Task.CompletedTask;
            }, context.Response);
            await problems.TryHandleAsync(context, refusal, context.RequestAborted);
        }
    }
}
