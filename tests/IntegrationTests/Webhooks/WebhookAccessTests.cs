using Alba;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Webhooks;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Webhooks;

/// <summary>Only the app itself reaches its subscriptions: another app gets 404, a person's token 403, bad input a 400 problem.</summary>
public sealed class WebhookAccessTests(AppFixture app)
{
    private readonly WebhookKit _kit = new(app);

    [Fact]
    public async Task Another_apps_subscription_is_not_found_on_every_route()
    {
        var owner = await _kit.RegisterAppAsync("Owner app");
        var other = await _kit.RegisterAppAsync("Other app");
        var subscription = await _kit.SubscribeAsync(owner, "http://127.0.0.1:9/hooks/owner", WebhookEventTypes.PaymentSucceeded);
        var stranger = _kit.AppToken(other);
        var url = $"/api/webhooks/subscriptions/{subscription.Id}";

        await ProblemAsync(s => s.As(stranger).Get.Url($"{url}/deliveries"), 404, "webhook_subscription_not_found");
        await ProblemAsync(s => s.As(stranger).Post.Json(new { }).ToUrl($"{url}/rotate-secret"), 404, "webhook_subscription_not_found");
        await ProblemAsync(s => s.As(stranger).Post.Url($"{url}/deliveries/{Guid.NewGuid()}/redeliver"), 404, "webhook_subscription_not_found");
        await ProblemAsync(s => s.As(stranger).Delete.Url(url), 404, "webhook_subscription_not_found");
        (await _kit.SubscriptionsAsync(other)).ShouldBeEmpty();
        (await _kit.SubscriptionsAsync(owner)).ShouldHaveSingleItem().Id.ShouldBe(subscription.Id);

        // The owner's own unknown delivery is also a 404, and deleting works once, for the owner.
        await ProblemAsync(s => s.As(_kit.AppToken(owner)).Post.Url($"{url}/deliveries/{Guid.NewGuid()}/redeliver"), 404, "webhook_delivery_not_found");
        await app.Host.Scenario(s =>
        {
            s.As(_kit.AppToken(owner)).Delete.Url(url);
            s.StatusCodeShouldBe(204);
        });
        (await _kit.SubscriptionsAsync(owner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_the_apps_own_token_reaches_its_routes()
    {
        var clientId = await _kit.RegisterAppAsync("Token app");
        var citizenThroughApp = app.TokenFor("citizen-through-app", Roles.Citizen, nationalId: Citizens.NewNationalId(), clientId: clientId);
        await app.Host.Scenario(s =>
        {
            s.As(citizenThroughApp).Get.Url("/api/webhooks/subscriptions");
            s.StatusCodeShouldBe(403);
        });
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/webhooks/subscriptions");
            s.StatusCodeShouldBe(401);
        });
        // The app's own token is no person: routes for people refuse it, even those any signed-in person may call.
        await app.Host.Scenario(s =>
        {
            s.As(_kit.AppToken(clientId)).Get.Url($"/api/service-requests/{Guid.NewGuid()}");
            s.StatusCodeShouldBe(403);
        });
        await ProblemAsync(s => s.As(_kit.AppToken("app_unregistered")).Post.Json(new { url = "http://127.0.0.1:9/x", eventTypes = new[] { WebhookEventTypes.DocumentIssued } })
            .ToUrl("/api/webhooks/subscriptions"), 422, "client_app_not_registered");
    }

    [Theory]
    [InlineData("not a url", WebhookEventTypes.DocumentIssued, "url")]
    [InlineData("ftp://example.org/hook", WebhookEventTypes.DocumentIssued, "url")]
    [InlineData("https://example.org/hook", "request.created", "eventTypes[0]")]
    public async Task A_bad_subscription_is_a_validation_problem(string url, string eventType, string field)
    {
        var clientId = await _kit.RegisterAppAsync("Validated app");
        var result = await app.Host.Scenario(s =>
        {
            s.As(_kit.AppToken(clientId)).Post.Json(new { url, eventTypes = new[] { eventType } }).ToUrl("/api/webhooks/subscriptions");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        result.ReadAsText().ShouldContain(field, Case.Insensitive);
        (await _kit.SubscriptionsAsync(clientId)).ShouldBeEmpty();
    }

    private async Task ProblemAsync(Action<Scenario> request, int status, string code)
    {
        var result = await app.Host.Scenario(s =>
        {
            request(s);
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });
        (await result.ReadAsJsonAsync<Journey.Problem>())!.Code.ShouldBe(code);
    }
}
