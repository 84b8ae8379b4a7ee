using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace MyGovernment.Application.Messaging;

/// <summary>
/// What Wolverine does when a handler fails. Timers, automatic assignment and payment follow-ups run in the
/// background: a database restart or a lost race with a person's command must delay them, not dead-letter them.
/// </summary>
public static class MessageFailurePolicies
{
    public static void Apply(WolverineOptions opts)
    {
        // Lost append races are retried only for background messages (below); a person's command answers 409.
        opts.Policies.Add<BackgroundRaceRetryPolicy>();

        // The database is restarting or unreachable: one short retry (an HTTP caller then gets its 503 quickly),
        // then background messages are kept and tried again later instead of being dead-lettered.
        opts.Policies.OnException(DatabaseFailures.IsTransient)
            .RetryWithCooldown(TimeSpan.FromMilliseconds(200))
            .Then.ScheduleRetry(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }
}

/// <summary>
/// Timers, automatic assignment and payment follow-ups that lose an append race to a person's command reload and
/// decide again (the decision is often moot by then). Commands sent by people are not retried: the caller named the
/// version they saw, so a lost race is their 409 (DESIGN §10: fifty concurrent approvals, one 200, the rest 409).
/// </summary>
public sealed class BackgroundRaceRetryPolicy : IHandlerPolicy
{
    private static readonly string[] BackgroundNamespaces =
    [
        "MyGovernment.Application.ServiceRequests.Timers", "MyGovernment.Application.Staff", "MyGovernment.Application.Payments",
        // Statement imports were in Application.Payments until reconciliation got its own folder; they keep its retries.
        "MyGovernment.Application.Reconciliation",
    ];

    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(IsBackground))
        {
            chain.OnException(DatabaseFailures.IsLostAppendRace)
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));
            // Scheduling a retry is itself a database write, which fails while the database is down, and the message
            // then stays "Incoming" for this node until it restarts. So a background message first waits out a short
            // outage in memory (about 40 s in all), and only then is scheduled for later.
            chain.OnException(DatabaseFailures.IsTransient)
                .RetryWithCooldown(
                    TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
                    TimeSpan.FromSeconds(20))
                .Then.ScheduleRetry(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        }
    }

    private static bool IsBackground(HandlerChain chain) =>
        chain.MessageType.Name is "AbandonIfUnpaid" or "AbandonIfNoResponse" or "CloseAfterAppealWindow" or "CheckSla" or "AutoAssign" or "ConfirmPayment"
        || (chain.MessageType.Namespace is { } ns && BackgroundNamespaces.Any(b => ns.StartsWith(b, StringComparison.Ordinal)) && chain.MessageType.Name != "EnrollOfficer");
}
