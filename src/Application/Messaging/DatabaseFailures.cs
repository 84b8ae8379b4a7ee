using JasperFx.Events;
using Npgsql;

namespace MyGovernment.Application.Messaging;

/// <summary>
/// Which database failures are a lost race between two writers (the loser reloads or answers 409) and which are the
/// database being down or restarting (retry later, or 503). Shared by the message retry policies and the API's
/// problem mapping, so both classify a failure the same way.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>The unique key on (stream, version) of Marten's event table: two appends at the same version.</summary>
    private const string StreamVersionKey = "pk_mt_events_stream_and_version";

    public static bool IsLostAppendRace(Exception e) =>
        e is JasperFx.ConcurrencyException or EventStreamUnexpectedMaxEventIdException
        || (e is PostgresException { SqlState: "23505" } p && p.ConstraintName == StreamVersionKey);

    /// <summary>A lost append race however deeply wrapped: Marten's own version check (MT003) or the stream/version key.</summary>
    public static bool IsWrappedVersionConflict(Exception exception) =>
        Chain(exception).OfType<PostgresException>().Any(p => p.SqlState is "MT003" || (p.SqlState == "23505" && p.ConstraintName == StreamVersionKey));

    /// <summary>The database is down or restarting, however deeply Marten or Wolverine wrapped the driver's error.</summary>
    public static bool IsTransient(Exception exception) =>
        Chain(exception).Any(e => e is NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
            or PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "08000" or "08003" or "08006" });

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}
