using System.Collections.Concurrent;
using System.Diagnostics;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Operations;

/// <summary>
/// A refused command leaves its reason in the problem response and in the log, not in the trace (issue 16). Wolverine
/// records a failed invocation on the current activity (the HTTP request's span) with the exception's message and
/// formatted stack trace unless told not to: formatting cost every refused command CPU whether or not anything
/// exported the trace, and an exception's message can quote what a citizen sent, which has no place in a tracing
/// backend.
/// </summary>
public sealed class RefusalTracingTests(AppFixture app) : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new();

    [Fact]
    public async Task A_refused_command_records_no_exception_text_on_the_requests_span()
    {
        _listener.ShouldListenTo = source => source.Name == "Microsoft.AspNetCore";
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);

        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240" });
        var finance = app.TokenFor("finance-tracing", MyGovernment.Api.Identity.Roles.Finance, "TREASURY");
        var trace = ActivityTraceId.CreateRandom();
        await app.Host.Scenario(s =>
        {
            // A stale version: the handler refuses it with an exception, which Wolverine sees fail the invocation.
            s.As(finance).Post.Json(new { paymentReference = "P-TRACE", amount = 650m, expectedVersion = permit.Version + 7 })
                .ToUrl($"{permit.Url}/payments");
            s.WithRequestHeader("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            s.StatusCodeShouldBe(409);
        });

        // The span stops after the response is written; wait for it rather than race it.
        Activity? span = null;
        for (var i = 0; i < 50 && span is null; i++)
        {
            span = _stopped.FirstOrDefault(a => a.TraceId == trace);
            if (span is null)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
        span.ShouldNotBeNull("the request's span was never stopped under this trace");
        span.IsAllDataRequested.ShouldBeTrue();
        span.Events.Select(e => e.Name).ShouldNotContain("exception");
        span.Events.SelectMany(e => e.Tags).Select(t => t.Key).ShouldNotContain("exception.stacktrace");
    }

    public void Dispose() => _listener.Dispose();
}
