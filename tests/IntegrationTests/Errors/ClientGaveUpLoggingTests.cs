using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyGovernment.Api.Hosting;
using MyGovernment.Api.Idempotency;
using Shouldly;

namespace MyGovernment.IntegrationTests.Errors;

/// <summary>
/// A client that gives up is not an error: the cancelled work is logged at Information without a stack trace. And a
/// 409 idempotency_in_flight line names the route it refused.
/// </summary>
public sealed class ClientGaveUpLoggingTests
{
    [Fact]
    public void Work_cancelled_because_the_client_gave_up_is_information_without_a_stack_trace()
    {
        var (logger, entries) = Logger();
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        ClientAbort.Current = aborted.Token;
        logger.LogError(new OperationCanceledException(aborted.Token), "Invocation failed");
        logger.LogError(new InvalidOperationException("wrapped", new TaskCanceledException()), "Invocation failed");
        ClientAbort.Current = CancellationToken.None;
        // The same exception while the client is still there (a timeout of ours) stays an error.
        logger.LogError(new OperationCanceledException(), "Invocation failed");

        entries.Select(e => (e.Level, e.HasException)).ShouldBe([
            (LogLevel.Information, false), (LogLevel.Information, false), (LogLevel.Error, true),
        ]);
        entries[0].Message.ShouldBe("Invocation failed Cancelled: the client gave up.");
    }

    [Fact]
    public void An_idempotency_in_flight_refusal_names_the_route()
    {
        var (logger, entries) = Logger();
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse("/api/service-requests/{id}/approve"), 0, null, null));

        logger.LogError(IdempotencyConflictException.InFlight(http), "Request failed");

        entries.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Information);
        entries[0].Message.ShouldEndWith("Refused: idempotency_in_flight on POST /api/service-requests/{id}/approve.");
    }

    private static (ILogger Logger, List<RefusalLoggingTests.Entry> Entries) Logger()
    {
        var recorder = new RefusalLoggingTests.RecordingProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(recorder));
        services.LogRefusalsAsInformation();
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<ILoggerFactory>().CreateLogger("Wolverine.Handler"), recorder.Entries);
    }
}
