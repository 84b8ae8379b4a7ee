using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MyGovernment.Application.Payments;
using MyGovernment.Application.Payments.Refunds;
using MyGovernment.Application.Reconciliation;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Simulator;

/// <summary>
/// The office's money: citizens pay through the payments module (one in twenty opens two sessions and pays twice),
/// finance refunds rejected requests and duplicate payments (one officer requests, another approves), and each day's
/// captures are settled on a provider statement finance imports (<see cref="ReconcileSettlementStatement"/>). The
/// money violations of reports 1, 5, 6 and 10 are planted here.
/// </summary>
public sealed partial class SimulationPlanner
{
    /// <summary>Violation kinds planted rule by rule (several plants each), tracked in <see cref="_pendingRules"/>.</summary>
    private static readonly HashSet<string> MoneyReports = ["refund-anomalies", "orphaned-money"];

    private sealed class SimPayment(Guid id, Request request)
    {
        public Guid Id => id;
        public Request Request => request;
        public Money Amount { get; } = Money.Ils(request.Service.Fee);
        public string Department => request.Service.Steps[0].Code;
        public string Session => SimulationPaymentProvider.SessionFor(id);
        public DateTimeOffset? CapturedAt { get; set; }
        public decimal Refunded { get; set; }
        public decimal Pending { get; set; }
        public bool OnStatement { get; set; } = true;

        /// <summary>How much more than captured the provider's statement settles (a planted amount mismatch).</summary>
        public decimal StatementSurplus { get; set; }

        /// <summary>What the refund commands will accept as the refundable amount (captured − refunded − reserved).</summary>
        public decimal Refundable => (CapturedAt is null ? 0m : Amount.Amount) - Refunded - Pending;
    }

    private readonly List<Actor> _treasury = [];
    private readonly Dictionary<string, int> _refundsBy = [];
    private readonly Dictionary<(string Officer, string Service), int> _refundsByService = [];
    private readonly Dictionary<DateOnly, List<SimPayment>> _capturedOn = [];

    /// <summary>Money rules still to plant, with the report that must find each.</summary>
    private readonly Dictionary<string, string> _pendingRules = [];

    private bool _skewRefunds;
    private int _paymentsOpened;

    private void SetUpTreasury()
    {
        for (var i = 1; i <= 3; i++)
        {
            var officer = new Actor(Lower($"finance-{i}"), "finance", Code("FINANCE"), NewNationalId());
            _treasury.Add(officer);
            _refundsBy[officer.Subject] = 0;
        }
        var rules = new Dictionary<string, string[]>
        {
            ["segregation-of-duties"] = ["refund-request-approve"],
            ["fee-discrepancies"] = ["net-paid-differs-from-fee", "paid-but-unserved"],
            ["refund-anomalies"] = ["refund-on-issued-request", "repeated-partial-refunds", "refund-exceeds-captured", "refund-rate-high", "refund-amount-high"],
            ["orphaned-money"] = ["status-unknown", "authorised-too-long", "settled-not-reconciled", "amount-mismatch", "missing-in-system"],
        };
        foreach (var (report, names) in rules.Where(r => _options.Violations.Contains(r.Key)))
        {
            foreach (var rule in names)
            {
                _pendingRules[rule] = report;
            }
        }
        _skewRefunds = _pendingRules.ContainsKey("refund-rate-high");
    }

    // ---- paying ----

    private SimPayment OpenPayment(Request request)
    {
        var payment = new SimPayment(NewGuid(), request);
        request.Payments.Add(payment);
        Invoke(_now, new CreatePayment(payment.Id, request.Id, PaymentChannel.Card, request.Applicant));
        Invoke(_now, new StartPaymentSession(payment.Id));
        return payment;
    }

    /// <summary>The provider's capture, as its webhook reports it, and the request's confirmation.</summary>
    private void Capture(SimPayment payment)
    {
        payment.CapturedAt = _now;
        Invoke(_now, new RecordProviderEvent(payment.Id, $"sim_evt_{payment.Id:N}_captured", payment.Session, ProviderPaymentStatus.Succeeded, payment.Amount, _now));
        // The payments module sends this through its outbox once the capture commits; sending it here too (it is
        // idempotent by payment reference) makes the request eligible before the simulation's next step.
        Invoke(_now, new ConfirmPayment(payment.Request.Id, null, PaymentStream.PaymentsActor, payment.Id.ToString(), payment.Amount));
        var day = DateOnly.FromDateTime(_now.UtcDateTime);
        switch (payment.Request.Plant)
        {
            case "orphaned-money:settled" when _pendingRules.Remove("settled-not-reconciled"):
                // Settled before the day's statement is imported, so the import does not report it missing.
                payment.OnStatement = false;
                Schedule(StatementTime(day).AddMinutes(-30), () => _steps.Add(new AppendStep(_now, payment.Id, _finance,
                    [new PaymentSettled(payment.Id, NewGuid(), payment.Department, day, payment.Amount, Money.Ils(ProviderFee(payment.Amount.Amount)),
                        Money.Ils(payment.Amount.Amount - ProviderFee(payment.Amount.Amount)), _now)])));
                Planted("settled-not-reconciled", "orphaned-money", payment.Request.Id, null, "settled on a statement, then neither reconciled nor flagged");
                break;
            case "orphaned-money:statement" when _pendingRules.Remove("amount-mismatch") && _pendingRules.Remove("missing-in-system"):
                payment.StatementSurplus = 5m;
                Planted("amount-mismatch", "orphaned-money", payment.Request.Id, null, "the day's statement settles 5 ILS more than was captured");
                Planted("missing-in-system", "orphaned-money", null, null, "the same statement has a line no payment of ours explains");
                break;
        }
        if (payment.OnStatement)
        {
            if (!_capturedOn.TryGetValue(day, out var captured))
            {
                _capturedOn[day] = captured = [];
                Schedule(StatementTime(day), () => Statement(day, captured));
            }
            captured.Add(payment);
        }
    }

    /// <summary>Orphaned money planted on a payment that never captures: the provider stops answering, or only authorises.</summary>
    private bool PlantUnresolvedPayment(Request request, SimPayment payment)
    {
        switch (request.Plant)
        {
            case "orphaned-money:unknown" when _pendingRules.Remove("status-unknown"):
                Schedule(_now.AddMinutes(3), () =>
                {
                    _steps.Add(new ProviderOutageStep(_now, payment.Id));
                    Invoke(_now, new RefreshPaymentStatus(payment.Id));
                });
                Planted("status-unknown", "orphaned-money", request.Id, null, "the provider stopped answering about a started payment");
                return true;
            case "orphaned-money:authorised" when _pendingRules.Remove("authorised-too-long"):
                Schedule(_now.AddMinutes(3), () => Invoke(_now,
                    new RecordProviderEvent(payment.Id, $"sim_evt_{payment.Id:N}_authorised", payment.Session, ProviderPaymentStatus.Authorised, null, _now)));
                Planted("authorised-too-long", "orphaned-money", request.Id, null, "authorised at the provider, never captured");
                return true;
            default:
                return false;
        }
    }

    /// <summary>A second capture for one request: finance refunds it, except where an unrefunded overpayment is planted.</summary>
    private void PaidTwice(Request request, SimPayment second)
    {
        if (request.Approve && request.Plant is null && _pendingRules.Remove("net-paid-differs-from-fee"))
        {
            request.Plant = "fee-discrepancies:overpaid";
            Planted("net-paid-differs-from-fee", "fee-discrepancies", request.Id, null, "paid twice and served; the second payment is never refunded");
            return;
        }
        Schedule(_work.Add(_now, 60 + _random.Next(0, 600)), () =>
        {
            if (second.Refundable > 0)
            {
                Refund(second, second.Refundable, FinancePair(request.Service), "Paid twice.");
            }
        });
    }

    // ---- serving, rejecting, refunding ----

    private void Issue(Request request, Actor by)
    {
        Invoke(_now, new IssueDocument(request.Id, null, by, VerificationCode(request)));
        var captured = request.Payments.Where(p => p.CapturedAt is not null).ToList();
        if (request.Plant is null && captured.Count == 1 && _pendingRules.Remove("refund-on-issued-request"))
        {
            request.Plant = "refund-anomalies";
            var pair = FinancePair(request.Service);
            Schedule(_work.Add(_now, 120), () => Refund(captured[0], captured[0].Refundable, pair, "Goodwill refund."));
            Planted("refund-on-issued-request", "refund-anomalies", request.Id, pair.Requester.Subject, "the whole fee refunded after the document was issued");
        }
    }

    /// <summary>A rejected request's money is refunded within about two working days (or a planted violation instead).</summary>
    private void Rejected(Request request)
    {
        if (!request.Payments.Any(p => p.CapturedAt is not null))
        {
            return;
        }
        if (_pendingRules.Remove("paid-but-unserved"))
        {
            Planted("paid-but-unserved", "fee-discrepancies", request.Id, null, "rejected; the fee is never refunded");
            return;
        }
        Schedule(_work.Add(_now, 60 + _random.Next(0, 600)), () =>
        {
            foreach (var payment in request.Payments.Where(p => p.Refundable > 0).ToList())
            {
                RefundRejected(request, payment);
            }
        });
    }

    private void RefundRejected(Request request, SimPayment payment)
    {
        var pair = FinancePair(request.Service);
        if (_pendingRules.Remove("refund-request-approve"))
        {
            AppendRefund(payment, payment.Refundable, (pair.Requester, pair.Requester), "The request was rejected.");
            Planted("refund-request-approve", "segregation-of-duties", request.Id, pair.Requester.Subject, "a finance officer approved their own refund");
            return;
        }
        if (request.Service.Fee >= 100 && _pendingRules.Remove("repeated-partial-refunds"))
        {
            PartialRefunds(payment, Math.Max(2, _settings.RepeatedPartialRefunds), 0);
            Planted("repeated-partial-refunds", "refund-anomalies", request.Id, null, "the fee refunded in small pieces");
            return;
        }
        Refund(payment, payment.Refundable, pair, "The request was rejected.");
        if (_pendingRules.Remove("refund-exceeds-captured"))
        {
            Schedule(_work.Add(_now, 150), () => AppendRefund(payment, payment.Amount.Amount, FinancePair(request.Service), "Refunded again."));
            Planted("refund-exceeds-captured", "refund-anomalies", request.Id, null, "refunded in full twice");
        }
    }

    private void PartialRefunds(SimPayment payment, int pieces, int done)
    {
        var amount = done == pieces - 1 ? payment.Refundable : Math.Round(payment.Amount.Amount / pieces, 2);
        Refund(payment, amount, FinancePair(payment.Request.Service), $"Partial refund {done + 1} of {pieces}.",
            done + 1 < pieces ? () => PartialRefunds(payment, pieces, done + 1) : null);
    }

    /// <summary>Through the refund commands: one officer requests, another approves, the provider pays back.</summary>
    private void Refund(SimPayment payment, decimal amount, (Actor Requester, Actor Approver) pair, string reason, Action? then = null)
    {
        var id = NewGuid();
        Invoke(_now, new RequestRefund(id, payment.Id, Money.Ils(amount), Money.Ils(payment.Refundable), reason, pair.Requester));
        payment.Pending += amount;
        Schedule(_work.Add(_now, 20 + _random.Next(0, 60)), () =>
        {
            Invoke(_now, new ApproveRefund(id, pair.Approver));
            Invoke(_now, new SubmitRefund(id));
            payment.Pending -= amount;
            payment.Refunded += amount;
            if (then is not null)
            {
                Schedule(_work.Add(_now, 10), then);
            }
        });
    }

    /// <summary>A whole refund written straight to the store: what the domain refuses (self-approval, more than captured).</summary>
    private void AppendRefund(SimPayment payment, decimal amount, (Actor Requester, Actor Approver) pair, string reason)
    {
        var id = NewGuid();
        var money = Money.Ils(amount);
        _steps.Add(new AppendStep(_now, id, pair.Requester,
        [
            new RefundRequested(id, payment.Id, money, Money.Ils(payment.Refundable), reason, pair.Requester, _now),
            new RefundApproved(id, pair.Approver, _now),
            new RefundSubmitted(id, "sim_re_" + id.ToString("N"), _now),
            new RefundSucceeded(id, payment.Id, money, payment.Department, _now),
        ]));
        _steps.Add(new AppendStep(_now, payment.Id, pair.Requester, [new RefundReserved(payment.Id, id, money, _now), new PaymentRefunded(payment.Id, id, money, _now)]));
        payment.Refunded += amount;
    }

    /// <summary>
    /// Who requests and who approves a refund. Normally the finance officer with the fewest refunds of this service, then
    /// fewest overall, so counts and amounts stay even. With refund outliers planted, the first officer requests every
    /// refund of the larger fees and the other two share the certificate refunds: more refunds, and larger ones.
    /// </summary>
    private (Actor Requester, Actor Approver) FinancePair(ServiceDef service)
    {
        Actor requester;
        if (_skewRefunds)
        {
            requester = service.Fee == _services.Min(s => s.Fee) ? _treasury.Skip(1).MinBy(o => _refundsBy[o.Subject])! : _treasury[0];
        }
        else
        {
            requester = _treasury.MinBy(o => (_refundsByService.GetValueOrDefault((o.Subject, service.Code)), _refundsBy[o.Subject]))!;
        }
        _refundsBy[requester.Subject]++;
        _refundsByService[(requester.Subject, service.Code)] = _refundsByService.GetValueOrDefault((requester.Subject, service.Code)) + 1;
        return (requester, _treasury[(_treasury.IndexOf(requester) + 1) % _treasury.Count]);
    }

    // ---- settlement statements ----

    /// <summary>The provider's statement of a UTC day arrives early the next morning.</summary>
    private static DateTimeOffset StatementTime(DateOnly day) => new(day.AddDays(1).ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);

    private static decimal ProviderFee(decimal amount) => Math.Round(amount * 0.015m, 2);

    private static StatementLine Line(int number, SimPayment payment, decimal amount) =>
        new(number, payment.Session, payment.Id.ToString(), Money.Ils(amount), payment.CapturedAt!.Value, ProviderFee(amount), amount - ProviderFee(amount));

    /// <summary>
    /// Finance imports the provider's statement of the day: every capture on its own line (all matched, settled and
    /// reconciled), except where a planted line settles more than was captured and one more line no payment explains.
    /// </summary>
    private void Statement(DateOnly day, List<SimPayment> payments)
    {
        var lines = payments.Select((p, i) => Line(i + 1, p, p.Amount.Amount + p.StatementSurplus)).ToList();
        if (payments.Any(p => p.StatementSurplus != 0))
        {
            lines.Add(new StatementLine(lines.Count + 1, "sim_unknown_" + NewGuid().ToString("N")[..12], "", Money.Ils(75m), _now.AddHours(-12), ProviderFee(75m),
                75m - ProviderFee(75m)));
        }
        var text = string.Join('\n', lines.Select(l => string.Join(',', l.ProviderReference, l.MerchantReference, l.Amount.Amount.ToString(CultureInfo.InvariantCulture))));
        Invoke(_now, new ReconcileSettlementStatement(NewGuid(), SimulationPaymentProvider.Name, day,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), lines, _finance));
    }

    // ---- bookkeeping of the plants ----

    private void Planted(string rule, string report, Guid? requestId, string? officer, string description) =>
        _planted.Add(new PlantedViolation(report, rule, requestId, officer, description));

    /// <summary>The refund outliers are known once every refund is planned; money plants that found no occasion are reported.</summary>
    private void FinishMoneyPlants()
    {
        if (_skewRefunds)
        {
            var outlier = _treasury[0].Subject;
            var own = _refundsBy[outlier];
            var peers = _refundsBy.Where(r => r.Key != outlier).Sum(r => r.Value);
            if (own >= _settings.RefundOutlierMinimumRefunds && peers >= _settings.RefundOutlierMinimumPeerRefunds)
            {
                _pendingRules.Remove("refund-rate-high");
                _pendingRules.Remove("refund-amount-high");
                Planted("refund-rate-high", "refund-anomalies", null, outlier, $"requested {own} refunds; the other finance officers {peers} together");
                Planted("refund-amount-high", "refund-anomalies", null, outlier, "requested every refund of the larger fees; the others only certificate refunds");
            }
        }
        foreach (var (rule, report) in _pendingRules)
        {
            _planted.Add(new PlantedViolation(report, "not-planted", null, null, $"{rule}: the simulated activity offered no occasion; try more requests"));
        }
    }
}
