using Wolverine;
using Wolverine.Configuration;
using Wolverine.Transports;
using Wolverine.Transports.Local;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// How the API works off its follow-up messages (automatic assignment, payment follow-ups, timers that came due),
/// section "FollowUps". Wolverine's defaults (five handlers at a time per local queue; a recovery page of 100
/// envelopes; 1,000 buffered before the queue latches and stores new envelopes for the durability agent to recover)
/// kept a backlog of 10,000 follow-ups draining at the pace of five round-trip chains at a time: docs/benchmarks.md
/// "Issue 16, part A". Each follow-up is a short transaction that mostly waits on PostgreSQL, so more of them in
/// flight use the two cores instead of waiting, and larger recovery pages let the agent refill the queue in one step.
/// </summary>
public sealed class FollowUpQueues
{
    /// <summary>Handlers running at once per local queue (Wolverine's MaxDegreeOfParallelism; its default is max(cores, 5)).</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>Envelopes the durability agent moves from the inbox table into a queue per step (Wolverine RecoveryBatchSize, default 100).</summary>
    public int RecoveryBatchSize { get; set; } = 1000;

    /// <summary>Envelopes a queue holds in memory before it latches (Wolverine BufferingLimits; default 1,000, restart at 500).</summary>
    public int BufferMaximum { get; set; } = 5000;

    public static FollowUpQueues From(IConfiguration configuration)
    {
        var queues = configuration.GetSection("FollowUps").Get<FollowUpQueues>() ?? new FollowUpQueues();
        if (queues.Parallelism < 1 || queues.RecoveryBatchSize < 1 || queues.BufferMaximum < 2)
        {
            throw new InvalidOperationException("FollowUps: Parallelism and RecoveryBatchSize must be positive, BufferMaximum at least 2.");
        }
        return queues;
    }

    public void ApplyTo(WolverineOptions opts)
    {
        opts.Durability.RecoveryBatchSize = RecoveryBatchSize;
        // Set on the endpoint directly, not through AllLocalQueues (whose configuration is applied after a queue's own).
        // Durable as before; restart at half the maximum, as Wolverine's default does.
        opts.Policies.Add(new LambdaEndpointPolicy<LocalQueue>((queue, _) =>
        {
            if (queue.Role == EndpointRole.System)
            {
                return;
            }
            // A queue already declared Sequential (the payment sandbox's webhooks, whose order is the point) stays so.
            if (queue.MaxDegreeOfParallelism > 1)
            {
                queue.MaxDegreeOfParallelism = Parallelism;
            }
            queue.BufferingLimits = new BufferingLimits(BufferMaximum, BufferMaximum / 2);
        }));
    }
}
