using Alba;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Payments;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.PaymentsSandbox;
using MyGovernment.Projections.Payments;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>Refunds over HTTP: maker-checker, stale quotes, concurrent requests, the provider's answer.</summary>
public sealed class RefundTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    private string Maker => app.TokenFor("finance-maker", Roles.Finance, "TREASURY");

    private string Checker => app.TokenFor("finance-checker", Roles.Finance, "TREASURY");

    public static async Task<(Guid PaymentId, string SessionId)> CapturedAsync(AppFixture app, PaymentKit kit)
    {
        var permit = await kit.PermitAwaitingPaymentAsync();
        var session = await kit.OpenAsync(permit, "Card");
        await kit.SettleAsync(() => kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        (await kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Succeeded);
        return (session.PaymentId, await kit.SessionIdAsync(session.PaymentId));
    }

    private Task<IScenarioResult> RequestAsync(Guid paymentId, decimal amount, decimal seen, int status, string? token = null) =>
        app.Host.Scenario(s =>
        {
            s.As(token ?? Maker).Post.Json(new { amount, currency = "ILS", refundableSeen = seen, reason = "Paid twice" })
                .ToUrl($"/api/payments/{paymentId}/refunds");
            s.StatusCodeShouldBe(status);
        });

    private static async Task<string?> CodeAsync(IScenarioResult result) =>
        (await result.ReadAsJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!["code"].GetString();

    [Fact]
    public async Task A_refund_requested_by_one_and_approved_by_another_returns_the_money()
    {
        var (paymentId, _) = await CapturedAsync(app, _kit);

        var requested = (await (await RequestAsync(paymentId, 200m, 650m, 201)).ReadAsJsonAsync<RefundDetails>())!;
        requested.Status.ShouldBe(RefundStatus.Requested);
        (await _kit.ReadAsync(paymentId)).Refundable!.Amount.ShouldBe(450m);

        var self = await app.Host.Scenario(s =>
        {
            s.As(Maker).Post.Url($"/api/refunds/{requested.Id}/approve");
            s.StatusCodeShouldBe(422);
        });
        (await CodeAsync(self)).ShouldBe("maker_checker");

        var approved = await app.Host.Scenario(s =>
        {
            s.As(Checker).Post.Url($"/api/refunds/{requested.Id}/approve");
            s.StatusCodeShouldBe(200);
        });
        var refund = (await approved.ReadAsJsonAsync<RefundDetails>())!;
        refund.Status.ShouldBe(RefundStatus.Succeeded);
        refund.ProviderRefundId.ShouldNotBeNull().ShouldStartWith("re_");
        refund.ApprovedBy!.Subject.ShouldBe("finance-checker");

        var payment = await _kit.ReadAsync(paymentId);
        payment.Refunded.ShouldBe(200m);
        payment.RefundPending.ShouldBe(0m);
        payment.Refundable!.Amount.ShouldBe(450m);
        (await _kit.EventsOfAsync(paymentId)).OfType<PaymentRefunded>().ShouldHaveSingleItem().Amount.Amount.ShouldBe(200m);

        // The public receipt check shows what was given back: a refunded receipt is no proof of a kept payment.
        var partly = (await (await app.Host.Scenario(s => s.Get.Url($"/api/receipts/{paymentId}/verify"))).ReadAsJsonAsync<ReceiptVerification>())!;
        (partly.Amount!.Amount, partly.Refunded!.Amount, partly.FullyRefunded).ShouldBe((650m, 200m, false));
        var rest = (await (await RequestAsync(paymentId, 450m, 450m, 201)).ReadAsJsonAsync<RefundDetails>())!;
        await app.Host.Scenario(s =>
        {
            s.As(Checker).Post.Url($"/api/refunds/{rest.Id}/approve");
            s.StatusCodeShouldBe(200);
        });
        var fully = (await (await app.Host.Scenario(s => s.Get.Url($"/api/receipts/{paymentId}/verify"))).ReadAsJsonAsync<ReceiptVerification>())!;
        (fully.Genuine, fully.Refunded!.Amount, fully.FullyRefunded).ShouldBe((true, 650m, true));

        // Auditors read refunds; citizens do not.
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("auditor-1", Roles.Auditor)).Get.Url($"/api/refunds/{requested.Id}");
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task A_request_quoting_a_stale_refundable_amount_or_too_much_is_refused()
    {
        var (paymentId, _) = await CapturedAsync(app, _kit);
        await RequestAsync(paymentId, 100m, 650m, 201);

        (await CodeAsync(await RequestAsync(paymentId, 100m, 650m, 422))).ShouldBe("stale_refundable_amount");
        (await CodeAsync(await RequestAsync(paymentId, 551m, 550m, 422))).ShouldBe("refund_exceeds_refundable");
        await RequestAsync(paymentId, 550m, 550m, 201);
        (await _kit.ReadAsync(paymentId)).Refundable!.Amount.ShouldBe(0m);
    }

    [Fact]
    public async Task Concurrent_requests_on_one_payment_never_reserve_more_than_was_captured()
    {
        var (paymentId, _) = await CapturedAsync(app, _kit);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var result = await app.Host.Scenario(s =>
            {
                s.As(Maker).Post.Json(new { amount = 400m, currency = "ILS", refundableSeen = 650m, reason = "Race" })
                    .ToUrl($"/api/payments/{paymentId}/refunds");
                s.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        statuses.Count(s => s == 201).ShouldBe(1);
        statuses.ShouldAllBe(s => s == 201 || s == 409 || s == 422);
        var payment = await _kit.ReadAsync(paymentId);
        payment.RefundPending.ShouldBe(400m);
        (await _kit.EventsOfAsync(paymentId)).OfType<RefundReserved>().Sum(r => r.Amount.Amount).ShouldBe(400m);
    }

    [Fact]
    public async Task A_refund_the_provider_refuses_fails_and_the_amount_is_refundable_again()
    {
        var (paymentId, sessionId) = await CapturedAsync(app, _kit);
        await app.Host.Scenario(s =>
        {
            s.WithRequestHeader(SandboxOptions.ApiKeyHeader, _kit.Sandbox.ApiKey);
            s.Post.Json(new { sessionId, copies = 1, failRefunds = true }).ToUrl("/sandbox/admin/behaviour");
            s.StatusCodeShouldBe(200);
        });
        var requested = (await (await RequestAsync(paymentId, 650m, 650m, 201)).ReadAsJsonAsync<RefundDetails>())!;

        var approved = await app.Host.Scenario(s =>
        {
            s.As(Checker).Post.Url($"/api/refunds/{requested.Id}/approve");
            s.StatusCodeShouldBe(200);
        });

        var refund = (await approved.ReadAsJsonAsync<RefundDetails>())!;
        refund.Status.ShouldBe(RefundStatus.Failed);
        refund.FailureReason.ShouldNotBeNullOrEmpty();
        var payment = await _kit.ReadAsync(paymentId);
        payment.Refundable!.Amount.ShouldBe(650m);
        payment.Refunded.ShouldBe(0m);
    }

    [Fact]
    public async Task Refunds_of_unknown_payments_and_bad_bodies_are_not_500s()
    {
        (await CodeAsync(await RequestAsync(Guid.NewGuid(), 1m, 1m, 404))).ShouldBe("payment_not_found");
        await app.Host.Scenario(s =>
        {
            s.As(Maker).Post.Json(new { amount = 1m }).ToUrl($"/api/payments/{Guid.NewGuid()}/refunds");
            s.StatusCodeShouldBe(400);
        });
        await app.Host.Scenario(s =>
        {
            s.As(Checker).Post.Url($"/api/refunds/{Guid.NewGuid()}/approve");
            s.StatusCodeShouldBe(404);
        });
    }
}
