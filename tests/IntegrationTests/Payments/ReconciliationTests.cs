using System.Globalization;
using Alba;
using Marten;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Api.Reconciliation;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Ledger;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.Reconciliation;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>
/// Settlement statements imported over HTTP and matched against payments captured through the sandbox. Each test
/// captures its payments on a day of its own in the past (the provider's capture time is the sandbox clock's, which a
/// test may move), so "captured that day and missing from the statement" concerns only that test's payments.
/// </summary>
public sealed class ReconciliationTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    private string Finance => app.TokenFor("finance-reconciler", Roles.Finance, "TREASURY");

    private const string Header = "SessionId,MerchantReference,Amount,Currency,CapturedAt,Fee,Net";

    /// <summary>A day of its own for each call: the sandbox's capture time is moved there.</summary>
    private static DateOnly UniqueDay() => new DateOnly(2001, 1, 1).AddDays(Random.Shared.Next(0, 9000));

    private async Task<(Guid PaymentId, string SessionId, decimal Amount)> CapturedOnAsync(DateOnly day, string channel = "Card")
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, channel);
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        using (TestClock.Advance(noon - DateTimeOffset.UtcNow))
        {
            await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        }
        var payment = await _kit.ReadAsync(session.PaymentId);
        payment.Status.ShouldBe(PaymentStatus.Succeeded);
        DateOnly.FromDateTime(payment.CapturedAt!.Value.UtcDateTime).ShouldBe(day);
        return (session.PaymentId, payment.ProviderSessionId!, payment.Captured!.Amount);
    }

    private static string Line(string session, Guid paymentId, decimal amount, DateOnly day, decimal fee = 1.50m) =>
        string.Create(CultureInfo.InvariantCulture, $"{session},{paymentId},{amount:0.00},ILS,{day:yyyy-MM-dd}T12:00:00Z,{fee:0.00},{amount - fee:0.00}");

    private Task<IScenarioResult> ImportAsync(DateOnly day, string csv, int status, string contentType = "text/csv", string? token = null) =>
        app.Host.Scenario(s =>
        {
            // Alba takes a POST's query string apart from its path.
            s.As(token ?? Finance).Post.Text(csv).ContentType(contentType).ToUrl("/api/finance/reconciliations")
                .QueryString("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            s.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task A_crafted_statement_produces_every_category_and_settles_only_what_matches()
    {
        var day = UniqueDay();
        var matched = await CapturedOnAsync(day);
        var mismatched = await CapturedOnAsync(day);
        var missing = await CapturedOnAsync(day);
        var csv = string.Join('\n',
            Header,
            Line(matched.SessionId, matched.PaymentId, matched.Amount, day),
            Line(mismatched.SessionId, mismatched.PaymentId, mismatched.Amount - 10m, day),
            Line("cs_unknown_" + Guid.NewGuid().ToString("N"), Guid.NewGuid(), 25m, day),
            Line(matched.SessionId, matched.PaymentId, matched.Amount, day));

        var summary = (await (await ImportAsync(day, csv, 201)).ReadAsJsonAsync<ReconciliationSummary>())!;

        summary.StatementDate.ShouldBe(day);
        summary.Lines.ShouldBe(4);
        summary.Counts.ShouldBe(new Dictionary<ReconciliationCategory, int>
        {
            [ReconciliationCategory.Matched] = 1,
            [ReconciliationCategory.AmountMismatch] = 1,
            [ReconciliationCategory.MissingInStatement] = 1,
            [ReconciliationCategory.MissingInSystem] = 1,
            [ReconciliationCategory.Duplicate] = 1,
        }, ignoreOrder: true);
        summary.Breaks.ShouldBe(4);

        var details = (await (await app.Host.Scenario(s => s.As(app.TokenFor("auditor-1", Roles.Auditor)).Get.Url(summary.Items)))
            .ReadAsJsonAsync<ReconciliationDetails>())!;
        details.Items.Select(i => (i.Category, i.Rule, i.Line, i.PaymentId)).ShouldBe(
        [
            (ReconciliationCategory.Matched, "matched", 1, matched.PaymentId),
            (ReconciliationCategory.AmountMismatch, "amount-differs", 2, mismatched.PaymentId),
            (ReconciliationCategory.MissingInSystem, "unknown-reference", 3, null),
            (ReconciliationCategory.Duplicate, "duplicate-in-statement", 4, matched.PaymentId),
            (ReconciliationCategory.MissingInStatement, "captured-not-settled", null, missing.PaymentId),
        ], ignoreOrder: false);
        details.Items[1].StatementAmount!.Amount.ShouldBe(mismatched.Amount - 10m);
        details.Items[1].SystemAmount!.Amount.ShouldBe(mismatched.Amount);

        var first = await _kit.ReadAsync(matched.PaymentId);
        first.Status.ShouldBe(PaymentStatus.Reconciled);
        first.SettledBy.ShouldBe(summary.Id);
        first.SettledNet!.Amount.ShouldBe(matched.Amount - 1.50m);
        first.ReconciliationBreaks.ShouldBe(["duplicate-in-statement"]);
        var second = await _kit.ReadAsync(mismatched.PaymentId);
        second.Status.ShouldBe(PaymentStatus.Settled);
        second.NeedsReconciliation.ShouldBeTrue();
        second.ReconciliationBreaks.ShouldBe(["amount-differs"]);
        var third = await _kit.ReadAsync(missing.PaymentId);
        third.Status.ShouldBe(PaymentStatus.Succeeded);
        third.ReconciliationBreaks.ShouldBe(["captured-not-settled"]);

        // Finance's work list shows the flagged payments, and filters by status.
        var flagged = (await (await app.Host.Scenario(s => s.As(Finance).Get.Url("/api/finance/payments?needsReconciliation=true&limit=100")))
            .ReadAsJsonAsync<Page<PaymentDetails>>())!;
        flagged.Items.Select(p => p.Id).ShouldContain(mismatched.PaymentId);
        flagged.Items.ShouldAllBe(p => p.NeedsReconciliation);
        var reconciled = (await (await app.Host.Scenario(s => s.As(Finance).Get.Url("/api/finance/payments?status=reconciled&limit=100")))
            .ReadAsJsonAsync<Page<PaymentDetails>>())!;
        reconciled.Items.ShouldAllBe(p => p.Status == PaymentStatus.Reconciled);
        reconciled.Items.Select(p => p.Id).ShouldContain(matched.PaymentId);
        await app.Host.Scenario(s =>
        {
            s.As(Finance).Get.Url("/api/finance/payments?status=paid");
            s.StatusCodeShouldBe(400);
        });

        // The payment streams carry the evidence, pointing at the reconciliation.
        (await _kit.EventsOfAsync(matched.PaymentId)).OfType<PaymentReconciled>().ShouldHaveSingleItem().ReconciliationId.ShouldBe(summary.Id);

        // Settlement posted to the ledger: bank gets the net, fees the fee, clearing is relieved of the gross.
        await using var session = app.Store.QuerySession();
        var settlement = await session.Query<LedgerEntry>()
            .Where(l => l.PaymentId == matched.PaymentId && l.Kind == LedgerEntry.Settlement).ToListAsync(TestContext.Current.CancellationToken);
        settlement.Select(l => (l.Account, l.Debit, l.Credit)).OrderBy(x => x.Account).ShouldBe(
        [
            (LedgerEntry.Bank, matched.Amount - 1.50m, 0m),
            (LedgerEntry.ProviderClearing, 0m, matched.Amount),
            (LedgerEntry.ProviderFees, 1.50m, 0m),
        ]);
        // The clearing account of the matched payment is back to zero: captured, then paid out in full.
        var clearing = await session.Query<LedgerEntry>()
            .Where(l => l.PaymentId == matched.PaymentId && l.Account == LedgerEntry.ProviderClearing).ToListAsync(TestContext.Current.CancellationToken);
        clearing.Sum(l => l.Debit - l.Credit).ShouldBe(0m);
    }

    [Fact]
    public async Task The_same_file_twice_is_a_409_a_re_import_of_the_day_changes_nothing_and_another_days_statement_is_a_duplicate()
    {
        var day = UniqueDay();
        var payment = await CapturedOnAsync(day);
        var csv = Header + "\n" + Line(payment.SessionId, payment.PaymentId, payment.Amount, day);
        var first = (await (await ImportAsync(day, csv, 201)).ReadAsJsonAsync<ReconciliationSummary>())!;
        var versionAfter = (await _kit.ReadAsync(payment.PaymentId)).Version;

        await ImportAsync(day, csv, 409);
        (await _kit.ReadAsync(payment.PaymentId)).Version.ShouldBe(versionAfter);

        // The day's statement again in another file (other bytes, e.g. fetched again): the payment it settled, for the same
        // amount, is matched as already settled; no break, nothing appended to the payment.
        var again = (await (await ImportAsync(day, csv + "\n", 201)).ReadAsJsonAsync<ReconciliationSummary>())!;
        again.Id.ShouldNotBe(first.Id);
        again.Counts[ReconciliationCategory.Duplicate].ShouldBe(0);
        again.Counts[ReconciliationCategory.Matched].ShouldBe(1);
        (await _kit.ReadAsync(payment.PaymentId)).Version.ShouldBe(versionAfter);

        // Another day's statement paying the same session out again is a second pay-out: a duplicate, flagged, not settled twice.
        var otherDay = UniqueDay();
        while (otherDay == day)
        {
            otherDay = UniqueDay();
        }
        var later = (await (await ImportAsync(otherDay, Header + "\n" + Line(payment.SessionId, payment.PaymentId, payment.Amount, otherDay), 201))
            .ReadAsJsonAsync<ReconciliationSummary>())!;
        later.Counts[ReconciliationCategory.Duplicate].ShouldBe(1);
        var events = await _kit.EventsOfAsync(payment.PaymentId);
        events.OfType<PaymentSettled>().ShouldHaveSingleItem();
        events.OfType<PaymentReconciliationFlagged>().ShouldHaveSingleItem().Rule.ShouldBe("already-settled");
    }

    [Fact]
    public async Task The_providers_own_file_is_fetched_and_matches_what_was_captured_that_day()
    {
        var day = UniqueDay();
        var card = await CapturedOnAsync(day);
        var wallet = await CapturedOnAsync(day, "Wallet");

        var fetched = await app.Host.Scenario(s =>
        {
            s.As(Finance).Post.Json(new { date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).ToUrl("/api/finance/reconciliations/fetch");
            s.StatusCodeShouldBe(201);
        });
        var summary = (await fetched.ReadAsJsonAsync<ReconciliationSummary>())!;
        summary.Lines.ShouldBe(2);
        summary.Counts[ReconciliationCategory.Matched].ShouldBe(2);
        summary.Breaks.ShouldBe(0);
        summary.Fees.Amount.ShouldBeGreaterThan(0m);
        summary.Net.Amount.ShouldBe(summary.Gross.Amount - summary.Fees.Amount);
        (await _kit.ReadAsync(card.PaymentId)).Status.ShouldBe(PaymentStatus.Reconciled);
        (await _kit.ReadAsync(wallet.PaymentId)).Status.ShouldBe(PaymentStatus.Reconciled);

        // Nothing new that day: the provider serves the same file, which was already imported.
        await app.Host.Scenario(s =>
        {
            s.As(Finance).Post.Json(new { date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).ToUrl("/api/finance/reconciliations/fetch");
            s.StatusCodeShouldBe(409);
        });

        var list = (await (await app.Host.Scenario(s => s.As(Finance).Get.Url(
                $"/api/finance/reconciliations?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}")))
            .ReadAsJsonAsync<ReconciliationPage>())!;
        list.Reconciliations.ShouldContain(r => r.Id == summary.Id);
    }

    [Fact]
    public async Task A_statement_line_for_a_payment_we_never_captured_is_missing_in_system_and_flags_it()
    {
        var day = UniqueDay();
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var open = await _kit.OpenAsync(permit, "Card");
        var sessionId = await _kit.SessionIdAsync(open.PaymentId);

        var summary = (await (await ImportAsync(day, Header + "\n" + Line(sessionId, open.PaymentId, 650m, day), 201))
            .ReadAsJsonAsync<ReconciliationSummary>())!;

        summary.Counts[ReconciliationCategory.MissingInSystem].ShouldBe(1);
        var payment = await _kit.ReadAsync(open.PaymentId);
        payment.Status.ShouldBe(PaymentStatus.Started);
        payment.ReconciliationBreaks.ShouldBe(["not-captured-in-system"]);
    }

    [Fact]
    public async Task A_statement_larger_than_the_global_body_limit_is_imported()
    {
        var day = UniqueDay();
        var lines = Enumerable.Range(0, 2300).Select(i => Line("cs_unknown_" + Guid.NewGuid().ToString("N"), Guid.NewGuid(), 10m + i, day));
        var csv = Header + "\n" + string.Join('\n', lines);
        System.Text.Encoding.UTF8.GetByteCount(csv).ShouldBeGreaterThan(256 * 1024);

        var summary = (await (await ImportAsync(day, csv, 201)).ReadAsJsonAsync<ReconciliationSummary>())!;

        summary.Counts[ReconciliationCategory.MissingInSystem].ShouldBe(2300);
    }

    [Fact]
    public async Task The_items_export_as_csv_with_formulas_escaped()
    {
        var day = UniqueDay();
        var summary = (await (await ImportAsync(day, Header + "\n" + Line("=HYPERLINK(1)", Guid.NewGuid(), 10m, day), 201))
            .ReadAsJsonAsync<ReconciliationSummary>())!;

        var csv = (await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("auditor-1", Roles.Auditor)).Get.Url($"{summary.Items}/items.csv?category=missinginsystem");
            s.ContentTypeShouldBe("text/csv; charset=utf-8");
        })).ReadAsText();

        var rows = csv.Trim().Split('\n').Select(r => r.TrimEnd('\r')).ToList();
        rows[0].ShouldBe(string.Join(',', ReconciliationEndpoints.CsvHeader));
        rows.Count.ShouldBe(2);
        rows[1].ShouldStartWith("MissingInSystem,unknown-reference,1,");
        rows[1].ShouldContain("HYPERLINK(1)");
        rows[1].ShouldNotContain(",=HYPERLINK");
        rows[1].ShouldContain(",10.00,,ILS");
    }

    [Theory]
    [InlineData("SessionId,Amount\ncs_1,10", "statement")]
    [InlineData(Header + "\ncs_1,x,ten,ILS,2026-01-01T00:00:00Z,0,10", "statement")]
    [InlineData(Header + "\ncs_1,x,10,ILS,2026-01-01T00:00:00Z,1,10", "Lines[0].Net")]
    [InlineData(Header + "\ncs_1,x,-10,ILS,2026-01-01T00:00:00Z,0,-10", "Lines[0].Amount.Amount")]
    [InlineData(Header + "\n,x,10,ILS,2026-01-01T00:00:00Z,0,10", "Lines[0].ProviderReference")]
    [InlineData("", "statement")]
    public async Task A_malformed_statement_is_a_400_that_changes_nothing(string csv, string field)
    {
        var day = UniqueDay();
        var before = await CountAsync();
        var result = await ImportAsync(day, csv, 400);
        var problem = (await result.ReadAsJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!;
        problem["errors"].EnumerateObject().Select(p => p.Name).ShouldContain(n => n.Equals(field, StringComparison.OrdinalIgnoreCase));
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Bad_dates_media_types_and_mixed_currencies_are_refused()
    {
        var day = UniqueDay();
        var csv = Header + "\n" + Line("cs_x", Guid.NewGuid(), 10m, day);
        var before = await CountAsync();
        await app.Host.Scenario(s =>
        {
            s.As(Finance).Post.Text(csv).ContentType("text/csv").ToUrl("/api/finance/reconciliations");
            s.StatusCodeShouldBe(400);
        });
        await app.Host.Scenario(s =>
        {
            s.As(Finance).Post.Text(csv).ContentType("text/csv").ToUrl("/api/finance/reconciliations")
                .QueryString("date", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            s.StatusCodeShouldBe(400);
        });
        await ImportAsync(day, csv, 415, "application/json");
        var mixed = csv + "\n" + Line("cs_y", Guid.NewGuid(), 10m, day).Replace(",ILS,", ",USD,", StringComparison.Ordinal);
        var refused = await ImportAsync(day, mixed, 422);
        (await refused.ReadAsJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!["code"].GetString().ShouldBe("statement_mixed_currencies");
        await ImportAsync(day, csv, 403, token: app.TokenFor("auditor-1", Roles.Auditor));
        (await CountAsync()).ShouldBe(before);

        await app.Host.Scenario(s =>
        {
            s.As(Finance).Get.Url($"/api/finance/reconciliations/{Guid.NewGuid()}");
            s.StatusCodeShouldBe(404);
        });
        await app.Host.Scenario(s =>
        {
            s.As(Finance).Get.Url($"/api/finance/reconciliations/{Guid.NewGuid()}?category=nonsense");
            s.StatusCodeShouldBe(400);
        });
    }

    private async Task<int> CountAsync()
    {
        await using var session = app.Store.QuerySession();
        return await session.Query<ReconciliationDetails>().CountAsync(TestContext.Current.CancellationToken);
    }
}
