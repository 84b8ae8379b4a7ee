using MyGovernment.Api.Identity;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.PaymentsSandbox;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>A citizen pays a building permit's fee through the sandbox provider, over HTTP end to end.</summary>
public sealed class PaymentJourneyTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    [Fact]
    public async Task A_card_payment_on_the_hosted_page_moves_the_request_into_review()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();

        var session = await _kit.OpenAsync(permit, "Card");
        session.Status.ShouldBe(PaymentStatus.Started);
        session.RedirectUrl.ShouldNotBeNull().ShouldContain("/sandbox/pay/");
        session.ExpiresAt.ShouldNotBeNull();
        (await _kit.ReadAsync(session.PaymentId, permit.CitizenToken)).Amount.Amount.ShouldBe(650m);

        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);

        var payment = await _kit.ReadAsync(session.PaymentId, permit.CitizenToken);
        payment.Status.ShouldBe(PaymentStatus.Succeeded);
        payment.Captured!.Amount.ShouldBe(650m);
        var request = await permit.ReadAsync();
        request.Status.ShouldBe(ServiceRequestStatus.InReview);
        var confirmed = (await _kit.EventsOfAsync(permit.Id)).OfType<PaymentConfirmed>().ShouldHaveSingleItem();
        confirmed.PaymentReference.ShouldBe(session.PaymentId.ToString());
        confirmed.By.Subject.ShouldBe("payments");
        (await _kit.EventsOfAsync(session.PaymentId)).Select(e => e.GetType())
            .ShouldBe([typeof(PaymentCreated), typeof(PaymentStarted), typeof(PaymentAuthorised), typeof(PaymentSucceeded)]);
    }

    [Fact]
    public async Task Cash_taken_by_an_agent_for_the_reference_pays_the_request()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Cash");
        session.RedirectUrl.ShouldBeNull();
        session.CashReference.ShouldNotBeNull().ShouldStartWith("PAY-");

        await app.Host.Scenario(s =>
        {
            s.WithRequestHeader(SandboxOptions.ApiKeyHeader, _kit.Sandbox.ApiKey);
            s.Post.Json(new { cashReference = session.CashReference, amount = 649m }).ToUrl("/sandbox/v1/agent-payments");
            s.StatusCodeShouldBe(422);
        });
        await _kit.SettleAsync(() => app.Host.Scenario(s =>
        {
            s.WithRequestHeader(SandboxOptions.ApiKeyHeader, _kit.Sandbox.ApiKey);
            s.Post.Json(new { cashReference = session.CashReference, amount = 650m }).ToUrl("/sandbox/v1/agent-payments");
            s.StatusCodeShouldBe(200);
        }), session.PaymentId, permit.Id);

        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Succeeded);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
    }

    [Fact]
    public async Task A_declined_card_fails_the_payment_and_the_request_still_awaits_payment()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Wallet");

        await _kit.SettleAsync(() => _kit.PressAsync(session, "decline"), session.PaymentId, permit.Id);

        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Failed);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.AwaitingPayment);

        // The citizen may try again; a cancelled attempt also leaves the request waiting.
        var second = await _kit.OpenAsync(permit, "Card");
        await _kit.SettleAsync(() => _kit.PressAsync(second, "cancel"), second.PaymentId, permit.Id);
        (await _kit.ReadAsync(second.PaymentId)).Status.ShouldBe(PaymentStatus.Cancelled);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.AwaitingPayment);
    }

    [Fact]
    public async Task Only_the_applicant_pays_and_sees_the_payment_and_a_paid_request_takes_no_more()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var stranger = Citizens.NewNationalId();
        var strangerToken = app.TokenFor("citizen-" + stranger, Roles.Citizen, nationalId: stranger);
        await app.Host.Scenario(s =>
        {
            s.As(strangerToken).Post.Json(new { channel = "Card" }).ToUrl($"{permit.Url}/payment-sessions");
            s.StatusCodeShouldBe(404);
        });
        await app.Host.Scenario(s =>
        {
            s.As(permit.CitizenToken).Post.Json(new { channel = "Cheque" }).ToUrl($"{permit.Url}/payment-sessions");
            s.StatusCodeShouldBe(400);
        });

        var session = await _kit.OpenAsync(permit, "Card");
        await app.Host.Scenario(s =>
        {
            s.As(strangerToken).Get.Url($"/api/payments/{session.PaymentId}");
            s.StatusCodeShouldBe(404);
        });
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("auditor-p", Roles.Auditor)).Get.Url($"/api/payments/{session.PaymentId}");
            s.StatusCodeShouldBe(200);
        });
        var mine = await app.Host.Scenario(s => s.As(permit.CitizenToken).Get.Url("/api/me/payments"));
        mine.ReadAsText().ShouldContain(session.PaymentId.ToString());
        var theirs = await app.Host.Scenario(s => s.As(strangerToken).Get.Url("/api/me/payments"));
        theirs.ReadAsText().ShouldNotContain(session.PaymentId.ToString());

        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        await app.Host.Scenario(s =>
        {
            s.As(permit.CitizenToken).Post.Json(new { channel = "Card" }).ToUrl($"{permit.Url}/payment-sessions");
            s.StatusCodeShouldBe(422);
        });
    }

    [Fact]
    public async Task The_settlement_file_lists_the_day_captures_with_fee_and_net()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Card");
        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        var capturedAt = (await _kit.ReadAsync(session.PaymentId)).CapturedAt!.Value;
        var sessionId = await _kit.SessionIdAsync(session.PaymentId);

        var file = await app.Host.Scenario(s =>
        {
            s.WithRequestHeader(SandboxOptions.ApiKeyHeader, _kit.Sandbox.ApiKey);
            s.Get.Url($"/sandbox/v1/settlements/{capturedAt.UtcDateTime:yyyy-MM-dd}.csv");
        });
        var lines = file.ReadAsText().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("SessionId,MerchantReference,Amount,Currency,CapturedAt,Fee,Net");
        var line = lines.Single(l => l.StartsWith(sessionId, StringComparison.Ordinal));
        line.ShouldContain($",{session.PaymentId},650");
        line.ShouldContain(",ILS,");
        line.ShouldEndWith(",9.75,640.25");
    }
}
