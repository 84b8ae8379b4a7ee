using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Payments.Provider;
using MyGovernment.Domain.Payments;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.PaymentsSandbox;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>A known provider event id with another body is not a repeat: refused, and recorded where oversight sees it.</summary>
public sealed class WebhookReplayTests(AppFixture app)
{
    private const string Url = "/api/payments/webhooks/sandbox";
    private readonly PaymentKit _kit = new(app);

    private string Secret => app.Host.Services.GetRequiredService<IOptions<PaymentProviderOptions>>().Value.WebhookSecret;

    private Task<IScenarioResult> DeliverAsync(object body, int expectedStatus)
    {
        var text = JsonSerializer.Serialize(body);
        return app.Host.Scenario(s =>
        {
            s.Post.Text(text).ToUrl(Url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader(SandboxOptions.SignatureHeader, SandboxSigner.Sign(Secret, text, DateTimeOffset.UtcNow));
            s.StatusCodeShouldBe(expectedStatus);
        });
    }

    [Fact]
    public async Task A_known_event_id_replayed_with_another_amount_is_refused_and_recorded_as_a_contradiction()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Card");
        var sessionId = await _kit.SessionIdAsync(session.PaymentId);
        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        var eventId = "evt_body_" + Guid.NewGuid().ToString("N");
        var createdAt = DateTimeOffset.UtcNow;
        object Body(decimal amount) => new
        {
            id = eventId, type = "payment.succeeded", sessionId, merchantReference = session.PaymentId.ToString(), amount, currency = "ILS", createdAt,
        };

        await DeliverAsync(Body(650m), 200);
        // The same body again, freshly signed: an honest repeat.
        (await DeliverAsync(Body(650m), 200)).ReadAsText().ShouldContain("\"duplicate\":true");

        var forged = await DeliverAsync(Body(999m), 409);
        forged.ReadAsText().ShouldContain("webhook_event_conflict");

        var events = await _kit.EventsOfAsync(session.PaymentId);
        events.OfType<PaymentSucceeded>().Count().ShouldBe(1);
        events.OfType<PaymentSucceeded>().Single().Captured.Amount.ShouldBe(650m);
        events.OfType<ContradictoryProviderEventRecorded>().ShouldContain(c => c.ProviderEventId == eventId);
        (await _kit.ReadAsync(session.PaymentId)).NeedsReconciliation.ShouldBeTrue();
    }
}
