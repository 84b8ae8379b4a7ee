using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Reconciliation;
using Shouldly;
using static MyGovernment.Domain.Tests.Oversight.OversightWorld;

namespace MyGovernment.Domain.Tests.Oversight;

public sealed class OrphanedMoneyReportTests
{
    private static readonly OrphanedMoneyReport Report = new();

    [Fact]
    public void A_payment_whose_status_is_unknown_is_found_after_exactly_more_than_the_threshold()
    {
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(2, 9)).Assessed(Mar(2, 9));
        var payment = world.Payment(request.Id, Mar(2, 10));
        var created = world.Data.PaymentById[payment.Id].Opening!;
        payment.Started(Mar(2, 10, 1));
        var unknown = payment.Unknown(Mar(2, 10, 5));

        world.Run(Report, now: Mar(3, 10, 5)).ShouldBeEmpty();
        var finding = world.Run(Report, now: Mar(3, 10, 5, 1)).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("status-unknown");
        finding.At.ShouldBe(Mar(3, 10, 5));
        finding.RequestId.ShouldBe(request.Id);
        finding.Department.ShouldBe(Department);
        finding.Evidence.ShouldBe([created.Cite(), unknown.Cite()]);
    }

    [Fact]
    public void Authorised_and_pending_payments_are_found_after_the_threshold_and_captured_ones_never()
    {
        var world = new OversightWorld();
        var authorised = world.Payment(Guid.NewGuid(), Mar(2, 10));
        authorised.Started(Mar(2, 10, 1));
        authorised.Authorised(Mar(2, 10, 2));
        var started = world.Payment(Guid.NewGuid(), Mar(2, 10));
        started.Started(Mar(2, 10, 1));
        var captured = world.Payment(Guid.NewGuid(), Mar(2, 10));
        captured.Started(Mar(2, 10, 1));
        captured.Captured(Mar(2, 10, 3));

        world.Run(Report, now: Mar(2, 20)).ShouldBeEmpty();
        world.Run(Report, now: Mar(4)).Select(f => f.Rule).ShouldBe(["pending-too-long", "authorised-too-long"]);
        world.Run(Report, new OversightSettings { PaymentUnresolvedAfter = TimeSpan.FromDays(3) }, now: Mar(4)).ShouldBeEmpty();
    }

    [Fact]
    public void A_settlement_neither_reconciled_nor_flagged_is_found_after_the_threshold()
    {
        var world = new OversightWorld();
        var payment = world.Payment(Guid.NewGuid(), Mar(2, 10));
        payment.Captured(Mar(2, 10, 1));
        var settled = payment.Settled(Guid.NewGuid(), Mar(3, 6));
        var fine = world.Payment(Guid.NewGuid(), Mar(2, 10));
        fine.Captured(Mar(2, 10, 1));
        var statement = Guid.NewGuid();
        fine.Settled(statement, Mar(3, 6));
        fine.Reconciled(statement, Mar(3, 6));

        world.Run(Report, now: Mar(6, 6)).ShouldBeEmpty();
        var finding = world.Run(Report, now: Mar(6, 7)).ShouldHaveSingleItem();
        finding.Rule.ShouldBe("settled-not-reconciled");
        finding.At.ShouldBe(Mar(6, 6));
        finding.Evidence[^1].ShouldBe(settled.Cite());
    }

    [Fact]
    public void Every_break_of_a_statement_is_found_once_citing_the_reconciliation_stream_even_without_a_payment()
    {
        var world = new OversightWorld();
        var captureTime = Mar(2, 10); // 08:00 UTC on 2 March
        var matched = world.Payment(Guid.NewGuid(), captureTime);
        matched.Captured(captureTime);
        var mismatched = world.Payment(Guid.NewGuid(), captureTime);
        mismatched.Captured(captureTime);
        var unsettled = world.Payment(Guid.NewGuid(), captureTime);
        unsettled.Captured(captureTime);
        StatementLine Line(int n, string session, Guid payment, decimal amount) => new(n, session, payment.ToString(), Money.Ils(amount), captureTime, 0.3m, amount - 0.3m);

        var (id, _) = world.Statement(new DateOnly(2026, 3, 2),
            [Line(1, matched.Session, matched.Id, 20m), Line(2, mismatched.Session, mismatched.Id, 25m), Line(3, "cs_nobody", Guid.Empty, 99m)],
            [matched.ForReconciliation(captureTime), mismatched.ForReconciliation(captureTime), unsettled.ForReconciliation(captureTime)],
            Mar(3, 7));
        var reconciled = world.Data.Reconciliations.Single().Reconciled!;

        var findings = world.Run(Report);
        findings.Select(f => f.Rule).Order().ShouldBe(["amount-mismatch", "missing-in-statement", "missing-in-system"]);
        findings.ShouldAllBe(f => f.Evidence[0] == reconciled.Cite() && f.Evidence[0].StreamId == id);
        var orphan = findings.Single(f => f.Rule == "missing-in-system");
        orphan.RequestId.ShouldBeNull();
        orphan.Evidence.ShouldHaveSingleItem();
        orphan.Summary.ShouldContain("line 3: unknown-reference; statement 99.00 ILS, ours none, provider reference cs_nobody");
        var mismatch = findings.Single(f => f.Rule == "amount-mismatch");
        mismatch.Evidence.Select(e => (e.StreamId, e.EventType)).ShouldBe([(id, "StatementReconciled"), (mismatched.Id, "PaymentReconciliationFlagged")]);
    }

    [Fact]
    public void A_flag_whose_statement_is_missing_and_a_contradicting_provider_event_are_breaks_too()
    {
        var world = new OversightWorld();
        var payment = world.Payment(Guid.NewGuid(), Mar(2, 10));
        payment.Captured(Mar(2, 10, 1));
        world.Add(payment.Id, new PaymentReconciliationFlagged(payment.Id, Guid.NewGuid(), ReconciliationCategory.Duplicate, "already-settled", Mar(3, 7)));
        world.Add(payment.Id, new ContradictoryProviderEventRecorded(payment.Id, "evt_x", ProviderPaymentStatus.Failed, "The provider reported Failed after the payment was captured.", Mar(3, 8)));

        world.Run(Report).Select(f => f.Rule).ShouldBe(["duplicate-settlement", "provider-contradiction"]);
    }
}
