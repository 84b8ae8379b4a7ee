using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Domain.Oversight;

/// <summary>The department, service and request a money finding is filed under.</summary>
public sealed record MoneyPlace(string? Department, string? Service, Guid? RequestId);

/// <summary>
/// Everything the event-based reports read: every service request's history, every citizen-data view, every
/// payment, refund and settlement-statement stream, and the working calendar.
/// </summary>
public sealed class OversightData(
    IEnumerable<RequestHistory> requests, IEnumerable<OversightEvent> views, WorkingCalendar calendar,
    IEnumerable<PaymentHistory>? payments = null, IEnumerable<RefundHistory>? refunds = null, IEnumerable<ReconciliationHistory>? reconciliations = null)
{
    public IReadOnlyList<RequestHistory> Requests { get; } = [.. requests];

    public IReadOnlyDictionary<Guid, RequestHistory> ById => _byId ??= Requests.ToDictionary(r => r.RequestId);

    /// <summary>CitizenDataViewed events from the access-log streams, in sequence order.</summary>
    public IReadOnlyList<OversightEvent> Views { get; } = [.. views.Where(v => v.Data is CitizenDataViewed)];

    public WorkingCalendar Calendar { get; } = calendar;

    public IReadOnlyList<PaymentHistory> Payments { get; } = [.. payments ?? []];

    public IReadOnlyList<RefundHistory> Refunds { get; } = [.. refunds ?? []];

    public IReadOnlyList<ReconciliationHistory> Reconciliations { get; } = [.. reconciliations ?? []];

    public IReadOnlyDictionary<Guid, PaymentHistory> PaymentById => _paymentById ??= Payments.ToDictionary(p => p.PaymentId);

    /// <summary>The payments made for a request (by <see cref="PaymentCreated.RequestId"/>).</summary>
    public IReadOnlyList<PaymentHistory> PaymentsFor(Guid requestId) =>
        (_paymentsByRequest ??= Payments.Where(p => p.RequestId is not null).ToLookup(p => p.RequestId!.Value))[requestId].ToList();

    /// <summary>The refund streams that name a payment.</summary>
    public IReadOnlyList<RefundHistory> RefundStreamsOf(Guid paymentId) =>
        (_refundsByPayment ??= Refunds.Where(r => r.PaymentId is not null).ToLookup(r => r.PaymentId!.Value))[paymentId].ToList();

    /// <summary>Money returned from a payment: every refund that succeeded, in time order (see <see cref="RefundMoney"/>).</summary>
    public IReadOnlyList<RefundMoney> RefundsOf(PaymentHistory payment) => RefundMoney.Of(payment, RefundStreamsOf(payment.PaymentId));

    /// <summary>Money in and out for a request: captures, confirmations outside the payments module, refunds.</summary>
    public MoneyTrail MoneyOf(RequestHistory request) => MoneyTrail.For(request, this);

    /// <summary>
    /// Where a money finding belongs: the department the payment's money belongs to (else the request's first
    /// department), the request's service, and the request.
    /// </summary>
    public MoneyPlace PlaceOf(Guid? paymentId)
    {
        var payment = paymentId is { } id ? PaymentById.GetValueOrDefault(id) : null;
        var request = payment?.RequestId is { } r ? ById.GetValueOrDefault(r) : null;
        var department = payment?.DepartmentCode ?? (request?.Submitted is { WorkflowDepartments.Count: > 0 } s ? s.WorkflowDepartments[0] : null);
        return new MoneyPlace(department, request?.ServiceCode, payment?.RequestId);
    }

    private IReadOnlyDictionary<Guid, RequestHistory>? _byId;
    private IReadOnlyDictionary<Guid, PaymentHistory>? _paymentById;
    private ILookup<Guid, PaymentHistory>? _paymentsByRequest;
    private ILookup<Guid, RefundHistory>? _refundsByPayment;

    /// <summary>Groups loaded events into histories by stream, each stream by the kind of its first event, and views.</summary>
    public static OversightData From(IEnumerable<OversightEvent> events, WorkingCalendar calendar)
    {
        var list = events.OrderBy(e => e.Sequence).ToList();
        var views = list.Where(e => e.Data is CitizenDataViewed);
        var streams = list.Where(e => e.Data is not CitizenDataViewed)
            .GroupBy(e => e.StreamId)
            .Select(g => g.OrderBy(e => e.Version).ToList())
            .ToLookup(s => KindOf(s[0].Data));
        return new OversightData(
            streams[StreamKind.Request].Select(s => new RequestHistory(s)), views, calendar,
            streams[StreamKind.Payment].Select(s => new PaymentHistory(s)),
            streams[StreamKind.Refund].Select(s => new RefundHistory(s)),
            streams[StreamKind.Reconciliation].Select(s => new ReconciliationHistory(s)));
    }

    private enum StreamKind
    {
        Request,
        Payment,
        Refund,
        Reconciliation,
    }

    private static StreamKind KindOf(object data) => data switch
    {
        PaymentCreated or PaymentStarted or PaymentAuthorised or PaymentSucceeded or PaymentFailed or PaymentCancelled or PaymentExpired
            or PaymentErrored or PaymentStatusUnknown or PaymentStatusRecovered or ContradictoryProviderEventRecorded or RefundReserved or RefundReleased
            or PaymentRefunded or PaymentSettled or PaymentReconciled or PaymentReconciliationFlagged => StreamKind.Payment,
        RefundRequested or RefundApproved or RefundSubmitted or RefundSucceeded or RefundFailed => StreamKind.Refund,
        SettlementStatementImported or StatementReconciled => StreamKind.Reconciliation,
        _ => StreamKind.Request,
    };
}
