using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Which timers of a request are due at a given time, under the configuration in force at that time: the
/// waits are stored by their start, so a changed <c>Lifecycle:PaymentDays</c> (or response days, appeal window)
/// applies to requests already waiting, which a message scheduled at the old length did not. The sweep's query
/// (<see cref="SlaSweep"/>) and its per-row choice use the same cut-offs, so they cannot disagree.
/// </summary>
public sealed record DueTimers(DateTimeOffset Now, DateTimeOffset UnpaidSince, DateTimeOffset UnansweredSince, DateTimeOffset DecidedBefore)
{
    public static DueTimers At(DateTimeOffset now, LifecycleOptions options) =>
        new(now, now.AddDays(-options.PaymentDays), now.AddDays(-options.ApplicantResponseDays), now - options.AppealWindow);

    /// <summary>The timer messages to run for this request now, each handled by its unchanged handler (which re-decides on the stream).</summary>
    public IReadOnlyList<object> For(Guid requestId, RequestTimers row)
    {
        var due = new List<object>(1);
        if (row.CheckAt <= Now)
        {
            due.Add(new CheckSla(requestId));
        }
        if (row.FeeAssessedAt <= UnpaidSince)
        {
            due.Add(new AbandonIfUnpaid(requestId));
        }
        if (row.InformationRequestedAt <= UnansweredSince && row.InformationRequestId is { } informationRequestId)
        {
            due.Add(new AbandonIfNoResponse(requestId, informationRequestId));
        }
        if (row.DecidedAt <= DecidedBefore)
        {
            due.Add(new CloseAfterAppealWindow(requestId));
        }
        return due;
    }
}
