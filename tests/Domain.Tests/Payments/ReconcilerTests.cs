using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Reconciliation;
using Shouldly;

namespace MyGovernment.Domain.Tests.Payments;

public sealed class ReconcilerTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Reconciliation = Guid.Parse("0190a000-0000-7000-8000-00000000aaaa");
    private static readonly Actor Finance = new("finance-1", "finance", "TREASURY");

    private static PaymentForReconciliation Captured(string session, decimal amount, DateTimeOffset? at = null, Guid? settledBy = null) =>
        new(Guid.NewGuid(), 5, "MOLG", session, settledBy is null ? PaymentStatus.Succeeded : PaymentStatus.Reconciled, Money.Ils(amount), at ?? Noon, settledBy);

    private static StatementLine Line(int n, PaymentForReconciliation p, decimal? amount = null, string currency = "ILS") =>
        new(n, p.ProviderSessionId!, p.PaymentId.ToString(), new Money(amount ?? p.Captured!.Amount, currency), Noon, 1m, (amount ?? p.Captured!.Amount) - 1m);

    private static ReconciliationOutcome Run(IReadOnlyList<StatementLine> lines, params PaymentForReconciliation[] payments) =>
        Reconciler.Reconcile(Reconciliation, "sandbox", Day, new string('0', 64), lines, payments, Finance, Now);

    [Fact]
    public void A_line_that_agrees_settles_and_reconciles_its_payment()
    {
        var p = Captured("cs_1", 100m);
        var outcome = Run([Line(1, p)], p);

        outcome.Items.ShouldHaveSingleItem().Category.ShouldBe(ReconciliationCategory.Matched);
        var events = outcome.PaymentEvents[p.PaymentId];
        events[0].ShouldBeOfType<PaymentSettled>().ShouldSatisfyAllConditions(
            s => s.Gross.ShouldBe(Money.Ils(100m)), s => s.Fee.ShouldBe(Money.Ils(1m)), s => s.Net.ShouldBe(Money.Ils(99m)),
            s => s.DepartmentCode.ShouldBe("MOLG"), s => s.StatementDate.ShouldBe(Day));
        events[1].ShouldBeOfType<PaymentReconciled>().ReconciliationId.ShouldBe(Reconciliation);
        outcome.ReconciliationEvents[0].ShouldBeOfType<SettlementStatementImported>().ShouldSatisfyAllConditions(
            i => i.Lines.ShouldBe(1), i => i.Gross.ShouldBe(Money.Ils(100m)), i => i.Net.ShouldBe(Money.Ils(99m)));
    }

    [Fact]
    public void A_line_found_by_merchant_reference_alone_still_matches()
    {
        var p = Captured("cs_1", 100m);
        var line = Line(1, p) with { ProviderReference = "cs_other" };
        Run([line], p).Items.ShouldHaveSingleItem().Category.ShouldBe(ReconciliationCategory.Matched);
    }

    [Theory]
    [InlineData(99.99, "ILS")]
    [InlineData(100.01, "ILS")]
    [InlineData(100, "USD")]
    public void Another_amount_or_currency_is_a_mismatch_settled_at_the_statements_amount_and_flagged(decimal amount, string currency)
    {
        var p = Captured("cs_1", 100m);
        var outcome = Run([Line(1, p, amount, currency)], p);

        var item = outcome.Items.ShouldHaveSingleItem();
        item.ShouldSatisfyAllConditions(
            i => i.Category.ShouldBe(ReconciliationCategory.AmountMismatch), i => i.Rule.ShouldBe("amount-differs"),
            i => i.StatementAmount.ShouldBe(new Money(amount, currency)), i => i.SystemAmount.ShouldBe(Money.Ils(100m)));
        outcome.PaymentEvents[p.PaymentId].OfType<PaymentSettled>().ShouldHaveSingleItem().Gross.ShouldBe(new Money(amount, currency));
        outcome.PaymentEvents[p.PaymentId].OfType<PaymentReconciled>().ShouldBeEmpty();
        outcome.PaymentEvents[p.PaymentId].OfType<PaymentReconciliationFlagged>().ShouldHaveSingleItem().Category.ShouldBe(ReconciliationCategory.AmountMismatch);
    }

    [Fact]
    public void A_capture_of_the_day_on_no_line_is_missing_in_statement_but_captures_of_other_days_are_not()
    {
        var onTheDay = Captured("cs_1", 100m, Noon);
        var atMidnight = Captured("cs_2", 100m, new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var dayBefore = Captured("cs_3", 100m, new DateTimeOffset(2026, 11, 19, 23, 59, 59, TimeSpan.Zero));
        var dayAfter = Captured("cs_4", 100m, new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));

        var outcome = Run([], onTheDay, atMidnight, dayBefore, dayAfter);

        outcome.Items.Where(i => i.Category == ReconciliationCategory.MissingInStatement).Select(i => i.PaymentId)
            .ShouldBe([atMidnight.PaymentId, onTheDay.PaymentId], ignoreOrder: true);
        outcome.Items.Count.ShouldBe(2);
        outcome.PaymentEvents.Keys.ShouldBe([atMidnight.PaymentId, onTheDay.PaymentId], ignoreOrder: true);
    }

    [Fact]
    public void An_already_settled_capture_of_the_day_is_not_missing_again()
    {
        var settled = Captured("cs_1", 100m, Noon, settledBy: Guid.NewGuid());
        Run([], settled).Items.ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_references_and_uncaptured_payments_are_missing_in_system()
    {
        var started = new PaymentForReconciliation(Guid.NewGuid(), 2, "MOLG", "cs_open", PaymentStatus.Started, null, null, null);
        var unknown = new StatementLine(1, "cs_ghost", "not-a-guid", Money.Ils(50m), Noon, 0m, 50m);
        var outcome = Run([unknown, new StatementLine(2, "cs_open", started.PaymentId.ToString(), Money.Ils(50m), Noon, 0m, 50m)], started);

        outcome.Items.Select(i => (i.Category, i.Rule, i.PaymentId)).ShouldBe(
        [
            (ReconciliationCategory.MissingInSystem, "unknown-reference", null),
            (ReconciliationCategory.MissingInSystem, "not-captured-in-system", started.PaymentId),
        ]);
        outcome.PaymentEvents[started.PaymentId].ShouldHaveSingleItem().ShouldBeOfType<PaymentReconciliationFlagged>();
    }

    [Fact]
    public void A_repeated_line_and_a_payment_settled_before_are_duplicates_and_nothing_settles_twice()
    {
        var fresh = Captured("cs_1", 100m);
        var settledBefore = Captured("cs_2", 80m, Noon.AddDays(-3), settledBy: Guid.NewGuid());
        var outcome = Run([Line(1, fresh), Line(2, fresh), Line(3, settledBefore)], fresh, settledBefore);

        outcome.Items.Select(i => (i.Category, i.Rule, i.Line)).ShouldBe(
        [
            (ReconciliationCategory.Matched, "matched", 1),
            (ReconciliationCategory.Duplicate, "duplicate-in-statement", 2),
            (ReconciliationCategory.Duplicate, "already-settled", 3),
        ]);
        outcome.PaymentEvents[fresh.PaymentId].OfType<PaymentSettled>().ShouldHaveSingleItem();
        outcome.PaymentEvents[settledBefore.PaymentId].ShouldHaveSingleItem().ShouldBeOfType<PaymentReconciliationFlagged>().Rule.ShouldBe("already-settled");
    }

    [Fact]
    public void A_statement_mixing_currencies_is_refused()
    {
        var p = Captured("cs_1", 100m);
        Should.Throw<DomainException>(() => Run([Line(1, p), Line(2, p, 5m, "USD")], p)).Code.ShouldBe("statement_mixed_currencies");
    }

    [Fact]
    public void Every_line_gets_exactly_one_item()
    {
        var payments = Enumerable.Range(0, 20).Select(i => Captured($"cs_{i}", 10m + i)).ToArray();
        var lines = payments.Select((p, i) => Line(i + 1, p, i % 3 == 0 ? 1m : null)).Concat([Line(21, payments[0])]).ToList();

        var outcome = Run(lines, payments);

        outcome.Items.Where(i => i.Line is not null).Select(i => i.Line!.Value).ShouldBe(Enumerable.Range(1, 21));
        outcome.Items.Count(i => i.Category == ReconciliationCategory.AmountMismatch).ShouldBe(7);
    }
}
