using Marten;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Ledger;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Ledger;
using MyGovernment.Projections.Payments;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>The revenue ledger: balanced postings per department for captures, refunds and settlements, written inline.</summary>
public sealed class LedgerTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    [Fact]
    public async Task A_capture_and_a_refund_post_balanced_entries_to_the_departments_revenue()
    {
        var (paymentId, _) = await RefundTests.CapturedAsync(app, _kit);
        var requested = await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("finance-maker", Roles.Finance, "TREASURY")).Post
                .Json(new { amount = 150m, currency = "ILS", refundableSeen = 650m, reason = "Overpaid" }).ToUrl($"/api/payments/{paymentId}/refunds");
            s.StatusCodeShouldBe(201);
        });
        var refund = (await requested.ReadAsJsonAsync<RefundDetails>())!;
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("finance-checker", Roles.Finance, "TREASURY")).Post.Url($"/api/refunds/{refund.Id}/approve");
            s.StatusCodeShouldBe(200);
        });

        var department = (await _kit.ReadAsync(paymentId)).DepartmentCode;
        await using var session = app.Store.QuerySession();
        var entries = await session.Query<LedgerEntry>().Where(l => l.PaymentId == paymentId).ToListAsync(TestContext.Current.CancellationToken);
        entries.Select(l => (l.Kind, l.Account, l.Debit, l.Credit)).OrderBy(x => x.Kind).ThenBy(x => x.Account).ShouldBe(
        [
            ("capture", "provider-clearing", 650m, 0m),
            ("capture", "revenue:" + department, 0m, 650m),
            ("refund", "provider-clearing", 0m, 150m),
            ("refund", "revenue:" + department, 150m, 0m),
        ]);

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var answer = await app.Host.Scenario(s =>
            s.As(app.TokenFor("auditor-1", Roles.Auditor)).Get.Url($"/api/finance/ledger?from={today}&to={today}&department={department}"));
        var report = (await answer.ReadAsJsonAsync<LedgerReport>())!;
        // One number format for every ledger amount: two decimals (1350.00, never 1350), whatever scale the postings had.
        var amounts = System.Text.RegularExpressions.Regex.Matches(answer.ReadAsText(), "\"(?:debit|credit|totalDebit|totalCredit)\":([^,}]+)");
        amounts.Count.ShouldBeGreaterThan(2);
        amounts.Select(m => m.Groups[1].Value).ShouldAllBe(v => System.Text.RegularExpressions.Regex.IsMatch(v, "^-?[0-9]+\\.[0-9]{2}$"));
        var revenue = report.Totals.Where(t => t.Account == "revenue:" + department && t.Currency == "ILS").ShouldHaveSingleItem();
        revenue.Credit.ShouldBeGreaterThanOrEqualTo(650m);
        revenue.Debit.ShouldBeGreaterThanOrEqualTo(150m);
        report.TotalDebit.ShouldBe(report.TotalCredit);
    }

    [Fact]
    public async Task Debits_equal_credits_over_everything_posted_so_far_per_event_and_per_department()
    {
        // The fixture checks the same again after the whole suite (AppFixture.DisposeAsync).
        await RefundTests.CapturedAsync(app, _kit);
        var problems = await LedgerBalance.ProblemsAsync(app.Store, requireEntries: true, TestContext.Current.CancellationToken);
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_range_is_a_400()
    {
        var token = app.TokenFor("finance-1", Roles.Finance, "TREASURY");
        await app.Host.Scenario(s =>
        {
            s.As(token).Get.Url("/api/finance/ledger?from=2026-13-01");
            s.StatusCodeShouldBe(400);
        });
        await app.Host.Scenario(s =>
        {
            s.As(token).Get.Url("/api/finance/ledger?from=2024-01-01&to=2026-01-01");
            s.StatusCodeShouldBe(400);
        });
    }
}
