using MyGovernment.Api.Errors;
using MyGovernment.Api.Idempotency;
using MyGovernment.Domain.Common;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// Wolverine logs every failed invocation as an error with its stack trace, including the refusals we expect all
/// day long: validation errors, business rules, stale versions, someone else's object. Those are answered with a
/// 4xx problem and say nothing about the system's health; left at Error they would bury the real failures that an
/// operator's alerting watches for. This decorator keeps such entries at Information, with the refusal's code instead
/// of the exception.
/// Whether an exception is a refusal is decided by the same mapping that writes the problem response, so the two
/// can never disagree.
/// </summary>
internal static class RefusalLogLevel
{
    public static void LogRefusalsAsInformation(this IServiceCollection services)
    {
        var providers = services.Where(d => d.ServiceType == typeof(ILoggerProvider)).ToList();
        foreach (var descriptor in providers)
        {
            services.Remove(descriptor);
            services.AddSingleton<ILoggerProvider>(sp => new RefusalLoggerProvider(Create(sp, descriptor), sp));
        }
    }

    public static bool IsRefusal(Exception exception) =>
        ProblemExceptionHandler.ToProblem(exception, new DefaultHttpContext()).Status is < 500;

    /// <summary>
    /// A cancellation, however wrapped, while the request it served was aborted by its client: they closed the
    /// connection or gave up waiting, so the work was cancelled on purpose.
    /// </summary>
    public static bool ClientGaveUp(Exception exception) =>
        ProblemExceptionHandler.IsCancellation(exception) && ClientAbort.Current?.IsCancellationRequested == true;

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class RefusalLoggerProvider(ILoggerProvider inner, IServiceProvider services) : ILoggerProvider, ISupportExternalScope
    {
        public ILogger CreateLogger(string categoryName) => new RefusalLogger(
            inner.CreateLogger(categoryName), () => services.GetRequiredService<ILoggerFactory>().CreateLogger(categoryName));

        public void SetScopeProvider(IExternalScopeProvider scopeProvider)
        {
            if (inner is ISupportExternalScope scoped)
            {
                scoped.SetScopeProvider(scopeProvider);
            }
        }

        public void Dispose() => inner.Dispose();
    }

    private sealed class RefusalLogger(ILogger inner, Func<ILogger> configured) : ILogger
    {
        private ILogger? filtered;

        /// <summary>
        /// Whether the configured levels let this category's Information entries through. The logging factory filters
        /// an entry by the level it was written at (Error) before a provider sees it, and a provider's own logger does
        /// not filter at all, so an entry turned into Information here must be checked again, against the factory's
        /// logger for the same category; without it a node set to Warning still wrote every refusal (issue 16 part S:
        /// 6% of a refusal's CPU in the benchmark, whose API logs at Warning). The factory's logger answers for all
        /// providers at once: where one of them takes this category's Information, every wrapped one writes the line.
        /// </summary>
        private bool InformationEnabled => (filtered ??= configured()).IsEnabled(LogLevel.Information);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null && ClientGaveUp(exception))
            {
                // A client that gives up is not a failure of ours: no stack trace, no error alert.
                if (InformationEnabled)
                {
                    inner.Log(LogLevel.Information, eventId, state, null, (s, _) => $"{formatter(s, exception)} Cancelled: the client gave up.");
                }
                return;
            }
            if (logLevel < LogLevel.Error || exception is null || !IsRefusal(exception))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            // No stack trace for a refusal; its code says which rule (the message could quote the caller's input).
            var reason = exception switch
            {
                DomainException rule => rule.Code,
                IdempotencyConflictException { Route: { } route } conflict => $"{conflict.Code} on {route}",
                IdempotencyConflictException conflict => conflict.Code,
                _ => exception.GetType().Name,
            };
            if (InformationEnabled)
            {
                inner.Log(LogLevel.Information, eventId, state, null, (s, _) => $"{formatter(s, exception)} Refused: {reason}.");
            }
        }
    }
}
