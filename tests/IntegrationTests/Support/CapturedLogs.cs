using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>
/// What the API's console would print, kept in memory: every entry the host's filters let through to the console
/// provider (the "Console" alias makes the same Logging:Console rules apply), written by the host's own JSON console
/// formatter with its options and the activity scopes (trace and span ids). Bounded, oldest dropped first.
/// </summary>
[ProviderAlias("Console")]
public sealed class CapturedLogs(ConsoleFormatter formatter) : ILoggerProvider, ISupportExternalScope
{
    private const int Capacity = 100_000;
    private readonly ConcurrentQueue<(long Sequence, string Line)> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    private long _sequence;

    public static CapturedLogs For(IServiceProvider services) =>
        new(services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json));

    /// <summary>A position to read from: lines logged after this call have a greater sequence.</summary>
    public long Mark() => Interlocked.Read(ref _sequence);

    public IReadOnlyList<string> Since(long mark) => [.. _lines.Where(l => l.Sequence > mark).Select(l => l.Line)];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private void Write<TState>(in LogEntry<TState> entry)
    {
        using var writer = new StringWriter();
        formatter.Write(entry, _scopes, writer);
        foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            _lines.Enqueue((Interlocked.Increment(ref _sequence), line));
        }
        while (_lines.Count > Capacity && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
    }
}
