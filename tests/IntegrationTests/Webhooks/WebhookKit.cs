using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Webhooks;
using MyGovernment.Application.Webhooks;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;

namespace MyGovernment.IntegrationTests.Webhooks;

/// <summary>A client app as the tests drive it: registered by an admin, acting with its own token, its citizens submitting through it.</summary>
public sealed class WebhookKit(AppFixture app)
{
    public string AdminToken => app.TokenFor("admin-webhooks", Roles.Admin);

    /// <summary>The app's own client-credentials token: subject and client_id are the client id, no role.</summary>
    public string AppToken(string clientId) => app.Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(clientId, "", clientId: clientId);

    public async Task<string> RegisterAppAsync(string name, params string[] services)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(AdminToken).Post.Json(new { name, services }).ToUrl("/api/admin/client-apps");
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<ClientAppSummary>())!.ClientId;
    }

    public async Task<WebhookSubscriptionView> SubscribeAsync(string clientId, string url, params string[] eventTypes)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(AppToken(clientId)).Post.Json(new { url, eventTypes }).ToUrl("/api/webhooks/subscriptions");
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<WebhookSubscriptionView>())!;
    }

    public async Task<IReadOnlyList<WebhookDeliveryView>> DeliveriesAsync(string clientId, Guid subscriptionId)
    {
        var result = await app.Host.Scenario(s => s.As(AppToken(clientId)).Get.Url($"/api/webhooks/subscriptions/{subscriptionId}/deliveries"));
        return (await result.ReadAsJsonAsync<List<WebhookDeliveryView>>())!;
    }

    public async Task<IReadOnlyList<WebhookSubscriptionView>> SubscriptionsAsync(string clientId)
    {
        var result = await app.Host.Scenario(s => s.As(AppToken(clientId)).Get.Url("/api/webhooks/subscriptions"));
        return (await result.ReadAsJsonAsync<List<WebhookSubscriptionView>>())!;
    }

    /// <summary>A request with a fee (so it waits for payment), submitted by a citizen through the app.</summary>
    public Task<Journey> SubmitThroughAsync(string? clientId) =>
        new Journey(app, "NO-CRIMINAL-RECORD", clientId: clientId).SubmitAsync(new { purpose = "Employer", motherName = "Amal" });

    /// <summary>Pays the fee on the sandbox, then an officer approves and issues the document: every webhook type happens.</summary>
    public async Task PayApproveAndIssueAsync(Journey request)
    {
        var payments = new PaymentKit(app);
        var session = await payments.OpenAsync(request, "Card");
        await payments.SettleAsync(() => payments.PressAsync(session, "pay"), session.PaymentId, request.Id);
        var details = await request.ReadAsync();
        var officer = Journey.Officer(app, details.AssignedTo ?? "moj-webhooks-" + request.Id, "MOJ");
        if (details.AssignedTo is null)
        {
            await request.SendAsync(officer, "claim");
        }
        await request.SendAsync(officer, "decision/propose", new { outcome = "Approve", note = "Clean record" });
        await request.SendAsync(officer, "issue");
    }
}
