using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyGovernment.Api.Hosting;
using MyGovernment.Domain.Common;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Errors;

/// <summary>
/// Refusals answered with a 4xx problem are logged at Information, not as errors; real failures stay errors. The
/// last test checks that the running API wraps every logging provider it has.
/// </summary>
public sealed class RefusalLoggingTests(AppFixture app)
{
    [Fact]
    public void Refusals_are_information_and_failures_stay_errors()
    {
        var recorder = new RecordingProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(recorder));
        services.LogRefusalsAsInformation();
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Wolverine.Handler");

        logger.LogError(new DomainException("fee_not_paid", "The fee is not paid."), "Invocation failed");
        logger.LogError(new NotFoundException("request_not_found", "No such request."), "Invocation failed");
        logger.LogError(new FieldValidationException(new Dictionary<string, string[]> { ["form.floors"] = ["must be a number"] },
            new Dictionary<string, string[]> { ["form.floors"] = ["يجب أن يكون رقمًا"] }), "Invocation failed");
        logger.LogError(new InvalidOperationException("a real bug"), "Invocation failed");
        logger.LogError("An error without an exception");
        logger.LogWarning(new DomainException("x", "y"), "A warning stays a warning");

        recorder.Entries.Select(e => e.Level).ShouldBe([
            LogLevel.Information, LogLevel.Information, LogLevel.Information,
            LogLevel.Error, LogLevel.Error, LogLevel.Warning,
        ]);
        // Refusals lose their stack trace and name their code; failures keep their exception.
        recorder.Entries[0].ShouldBe(new Entry(LogLevel.Information, "Invocation failed Refused: fee_not_paid.", false));
        recorder.Entries[1].Message.ShouldEndWith("Refused: request_not_found.");
        recorder.Entries[3].HasException.ShouldBeTrue();
    }

    [Fact]
    public void A_refusal_is_written_only_where_Information_is_configured()
    {
        var recorder = new RecordingProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(recorder).SetMinimumLevel(LogLevel.Warning).AddFilter("Wolverine.Chatty", LogLevel.Information));
        services.LogRefusalsAsInformation();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILoggerFactory>();

        factory.CreateLogger("Wolverine.Handler").LogError(new DomainException("fee_not_paid", "The fee is not paid."), "Invocation failed");
        factory.CreateLogger("Wolverine.Handler").LogError(new InvalidOperationException("a real bug"), "Invocation failed");
        factory.CreateLogger("Wolverine.Chatty").LogError(new DomainException("stale_version", "Stale."), "Invocation failed");

        // At Warning the refusal is not written (it would be Information); the failure is; a category set to
        // Information still gets its refusals.
        recorder.Entries.Select(e => (e.Level, e.Message)).ShouldBe([
            (LogLevel.Error, "Invocation failed"),
            (LogLevel.Information, "Invocation failed Refused: stale_version."),
        ]);
    }

    [Fact]
    public void The_api_wraps_every_logging_provider()
    {
        // The fixture's own capture provider is added after the API's set-up, so it is the one left unwrapped.
        var providers = app.Host.Services.GetServices<ILoggerProvider>().Where(p => p is not CapturedLogs).ToList();

        providers.ShouldNotBeEmpty();
        providers.ShouldAllBe(p => p.GetType().Name == "RefusalLoggerProvider");
    }

    internal sealed record Entry(LogLevel Level, string Message, bool HasException);

    internal sealed class RecordingProvider : ILoggerProvider
    {
        public List<Entry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Recorder(Entries);

        public void Dispose()
        {
        }

        private sealed class Recorder(List<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) => entries.Add(new Entry(logLevel, formatter(state, exception), exception is not null));
        }
    }
}
