using JasperFx.Events;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// What Wolverine does when a handler fails. Timers, automatic assignment and payment follow-ups run in the
/// background: a database restart or a lost race with a person's command must delay them, not dead-letter them.
/// </summary>
public static class MessageFailurePolicies
{
    public static void Apply(WolverineOptions opts)
    {
        // Someone else appended to the stream first: reload and decide again (the decision may now be moot).
        opts.Policies.OnException(e => e is JasperFx.ConcurrencyException or EventStreamUnexpectedMaxEventIdException
                || (e is PostgresException { SqlState: "23505" } p && p.ConstraintName == "pk_mt_events_stream_and_version"))
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));

        // The database is restarting or unreachable: one short retry (an HTTP caller then gets its 503 quickly),
        // then background messages are kept and tried again later instead of being dead-lettered.
        opts.Policies.OnException(IsTransientDatabaseFailure)
            .RetryWithCooldown(TimeSpan.FromMilliseconds(200))
            .Then.ScheduleRetry(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }

    public static bool IsTransientDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
                or PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "08000" or "08003" or "08006" })
            {
                return true;
            }
        }
        return false;
    }
}
