using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Payments;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.PaymentsSandbox;
using Shouldly;
using Wolverine;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>While the provider's status API is down a payment is StatusUnknown; once it answers, the payment follows its real status.</summary>
public sealed class ProviderOutageTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    private IMessageBus Bus => app.Host.Services.GetRequiredService<IMessageBus>();

    private async Task StatusApiAsync(string sessionId, bool down) =>
        await app.Host.Scenario(s =>
        {
            s.WithRequestHeader(SandboxOptions.ApiKeyHeader, _kit.Sandbox.ApiKey);
            // copies = 0: the provider's webhooks are lost too, so only the re-check can learn the outcome.
            s.Post.Json(new { sessionId, copies = 0, statusUnavailable = down }).ToUrl("/sandbox/admin/behaviour");
            s.StatusCodeShouldBe(200);
        });

    [Fact]
    public async Task A_payment_whose_status_was_lost_in_an_outage_follows_the_provider_again_once_it_answers()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Card");
        var sessionId = await _kit.SessionIdAsync(session.PaymentId);

        await StatusApiAsync(sessionId, down: true);
        await Bus.InvokeAsync(new RefreshPaymentStatus(session.PaymentId), TestContext.Current.CancellationToken);
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.StatusUnknown);

        // The provider answers again, the session still open there: the payment is Started again, not stuck.
        await StatusApiAsync(sessionId, down: false);
        await Bus.InvokeAsync(new RefreshPaymentStatus(session.PaymentId), TestContext.Current.CancellationToken);
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Started);

        // The citizen pays; the webhook is lost; the next re-check learns the capture from the status API.
        await _kit.PressAsync(session, "pay");
        await _kit.SettleAsync(() => Bus.InvokeAsync(new RefreshPaymentStatus(session.PaymentId), TestContext.Current.CancellationToken), session.PaymentId, permit.Id);
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Succeeded);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
        (await _kit.EventsOfAsync(session.PaymentId)).OfType<PaymentStatusUnknown>().ShouldHaveSingleItem();
    }
}
