using System.Text;
using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Payments;
using MyGovernment.Application.Payments.Provider;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.PaymentsSandbox;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>The webhook is authenticated by its signature over the raw body; repeats, reorderings and races capture once.</summary>
public sealed class PaymentWebhookTests(AppFixture app)
{
    private const string Url = "/api/payments/webhooks/sandbox";
    private readonly PaymentKit _kit = new(app);

    private string Secret => app.Host.Services.GetRequiredService<IOptions<PaymentProviderOptions>>().Value.WebhookSecret;

    private static string Body(string eventId, string type, string sessionId, Guid paymentId, decimal amount) =>
        JsonSerializer.Serialize(new
        {
            id = eventId, type, sessionId, merchantReference = paymentId.ToString(), amount, currency = "ILS", createdAt = DateTimeOffset.UtcNow,
        });

    private Task<IScenarioResult> PostAsync(string body, string signature, int expectedStatus) =>
        app.Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl(Url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader(SandboxOptions.SignatureHeader, signature);
            s.StatusCodeShouldBe(expectedStatus);
        });

    private async Task<(Journey Permit, PaymentSessionResponse Session, string SessionId)> OpenCardPaymentAsync()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Card");
        return (permit, session, await _kit.SessionIdAsync(session.PaymentId));
    }

    [Fact]
    public async Task Forged_stale_and_modified_deliveries_are_refused_and_change_nothing()
    {
        var (permit, session, sessionId) = await OpenCardPaymentAsync();
        var before = await _kit.ReadAsync(session.PaymentId);
        var body = Body("evt_forged_" + Guid.NewGuid().ToString("N"), "payment.succeeded", sessionId, session.PaymentId, 650m);

        var forged = await PostAsync(body, SandboxSigner.Sign("whsec_not_the_secret", body, DateTimeOffset.UtcNow), 401);
        forged.ReadAsText().ShouldContain("webhook_signature_invalid");
        await PostAsync(body, "", 401);
        await PostAsync(body, "t=abc,v1=zz", 401);

        var stale = await PostAsync(body, SandboxSigner.Sign(Secret, body, DateTimeOffset.UtcNow.AddMinutes(-6)), 401);
        stale.ReadAsText().ShouldContain("webhook_timestamp_stale");
        await PostAsync(body, SandboxSigner.Sign(Secret, body, DateTimeOffset.UtcNow.AddMinutes(6)), 401);

        var signature = SandboxSigner.Sign(Secret, body, DateTimeOffset.UtcNow);
        var modified = body.Replace("650", "1", StringComparison.Ordinal);
        (await PostAsync(modified, signature, 401)).ReadAsText().ShouldContain("webhook_signature_invalid");

        var after = await _kit.ReadAsync(session.PaymentId);
        after.Status.ShouldBe(PaymentStatus.Started);
        after.Version.ShouldBe(before.Version);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.AwaitingPayment);
    }

    [Fact]
    public async Task A_correctly_signed_delivery_is_accepted_and_its_repeat_changes_nothing()
    {
        var (permit, session, sessionId) = await OpenCardPaymentAsync();
        // What the provider would send once the citizen paid: the session really is captured at the provider too.
        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        var version = (await _kit.ReadAsync(session.PaymentId)).Version;

        var body = Body("evt_replay_" + Guid.NewGuid().ToString("N"), "payment.succeeded", sessionId, session.PaymentId, 650m);
        await PostAsync(body, SandboxSigner.Sign(Secret, body, DateTimeOffset.UtcNow), 200);
        var repeat = await PostAsync(body, SandboxSigner.Sign(Secret, body, DateTimeOffset.UtcNow), 200);
        repeat.ReadAsText().ShouldContain("\"duplicate\":true");

        (await _kit.CapturesAsync(session.PaymentId)).ShouldBe(1);
        (await _kit.ReadAsync(session.PaymentId)).Version.ShouldBe(version);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
    }

    [Fact]
    public async Task Concurrent_duplicate_deliveries_capture_exactly_once()
    {
        var (permit, session, sessionId) = await OpenCardPaymentAsync();
        var body = Body("evt_race_" + Guid.NewGuid().ToString("N"), "payment.succeeded", sessionId, session.PaymentId, 650m);

        var statuses = new List<int>();
        await _kit.SettleAsync(async () =>
        {
            var deliveries = Enumerable.Range(0, 6).Select(async _ =>
            {
                var signed = SandboxSigner.Sign(Secret, body, DateTimeOffset.UtcNow);
                var result = await app.Host.Scenario(s =>
                {
                    s.Post.Text(body).ToUrl(Url);
                    s.WithRequestHeader("Content-Type", "application/json");
                    s.WithRequestHeader(SandboxOptions.SignatureHeader, signed);
                    s.IgnoreStatusCode();
                });
                lock (statuses)
                {
                    statuses.Add(result.Context.Response.StatusCode);
                }
            });
            await Task.WhenAll(deliveries);
        }, session.PaymentId, permit.Id);

        // Losers of the race get 409 (the provider retries and then hears "duplicate"); none is a 5xx.
        statuses.ShouldAllBe(s => s == 200 || s == 409);
        statuses.ShouldContain(200);
        (await _kit.CapturesAsync(session.PaymentId)).ShouldBe(1);
        (await _kit.EventsOfAsync(permit.Id)).OfType<PaymentConfirmed>().Count().ShouldBe(1);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
    }

    [Fact]
    public async Task Duplicated_and_reordered_deliveries_from_the_provider_capture_once()
    {
        var (permit, session, sessionId) = await OpenCardPaymentAsync();
        await _kit.SetBehaviourAsync(sessionId, copies: 3, reorder: true);

        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);

        var events = await _kit.EventsOfAsync(session.PaymentId);
        events.OfType<PaymentSucceeded>().Count().ShouldBe(1);
        // Reordered: the capture arrived before the authorisation, which then changed nothing.
        events.OfType<PaymentAuthorised>().ShouldBeEmpty();
        events.OfType<ContradictoryProviderEventRecorded>().ShouldBeEmpty();
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Succeeded);
        (await _kit.EventsOfAsync(permit.Id)).OfType<PaymentConfirmed>().Count().ShouldBe(1);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
    }

    [Fact]
    public async Task A_doubtful_delivery_is_checked_against_the_provider_status_and_the_truth_applied()
    {
        var (permit, session, sessionId) = await OpenCardPaymentAsync();

        // Signed, but it claims a capture of a different amount that the provider never made: the status API says "open".
        var claim = Body("evt_doubt_" + Guid.NewGuid().ToString("N"), "payment.succeeded", sessionId, session.PaymentId, 1m);
        var result = await PostAsync(claim, SandboxSigner.Sign(Secret, claim, DateTimeOffset.UtcNow), 200);
        result.ReadAsText().ShouldContain("\"checkedWithProvider\":true");
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Started);

        // An event type we do not know is a hint too: the provider's history (captured now) is applied.
        await _kit.SetBehaviourAsync(sessionId, copies: 0, reorder: false);
        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Started);
        var unknown = Body("evt_new_" + Guid.NewGuid().ToString("N"), "payment.something_new", sessionId, session.PaymentId, 650m);
        await _kit.SettleAsync(() => PostAsync(unknown, SandboxSigner.Sign(Secret, unknown, DateTimeOffset.UtcNow), 200), session.PaymentId, permit.Id);

        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Succeeded);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
    }

    [Fact]
    public async Task A_delivery_for_a_payment_we_do_not_have_is_refused()
    {
        var body = Body("evt_unknown_" + Guid.NewGuid().ToString("N"), "payment.succeeded", "cs_nobody", Guid.NewGuid(), 650m);
        await PostAsync(body, SandboxSigner.Sign(Secret, body, DateTimeOffset.UtcNow), 404);
        var notOurs = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"payment.succeeded","sessionId":"cs_1","merchantReference":"order-17"}"""));
        await PostAsync(notOurs, SandboxSigner.Sign(Secret, notOurs, DateTimeOffset.UtcNow), 400);
    }
}
