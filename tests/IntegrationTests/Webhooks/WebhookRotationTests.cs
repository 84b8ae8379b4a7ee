using MyGovernment.Application.Webhooks;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Webhooks;

public sealed class WebhookRotationTests(AppFixture app)
{
    private readonly WebhookKit _kit = new(app);

    [Fact]
    public async Task After_a_rotation_both_secrets_verify_during_the_overlap_and_the_old_one_is_refused_after_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clientId = await _kit.RegisterAppAsync("Rotating app");
        var subscription = await _kit.SubscribeAsync(clientId, receiver.UrlFor("rotating"), WebhookEventTypes.RequestStatusChanged);
        var original = subscription.Secret!;

        var rotated = await RotateAsync(clientId, subscription.Id, overlapSeconds: null);
        rotated.Secret.ShouldNotBe(original);
        var during = await _kit.SubmitThroughAsync(clientId);
        var signedDuring = (await receiver.WaitAsync("rotating", r => r.Any(w => w.RequestId == during.Id))).First(w => w.RequestId == during.Id);
        signedDuring.VerifiesWith(original).ShouldBeTrue("the old secret signs during the overlap");
        signedDuring.VerifiesWith(rotated.Secret).ShouldBeTrue();
        signedDuring.Headers["webhook-signature"].ToString().Split(' ').Length.ShouldBe(2);

        // A second rotation with a one-second overlap: once it has passed, only the newest secret signs.
        var newest = await RotateAsync(clientId, subscription.Id, overlapSeconds: 1);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var after = await _kit.SubmitThroughAsync(clientId);
        var signedAfter = (await receiver.WaitAsync("rotating", r => r.Any(w => w.RequestId == after.Id))).First(w => w.RequestId == after.Id);
        signedAfter.VerifiesWith(newest.Secret).ShouldBeTrue();
        signedAfter.VerifiesWith(rotated.Secret).ShouldBeFalse("the previous secret's overlap is over");
        signedAfter.VerifiesWith(original).ShouldBeFalse();
    }

    [Fact]
    public async Task Secrets_are_shown_only_when_made_never_in_lists_or_logs()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var mark = app.Logs.Mark();
        var clientId = await _kit.RegisterAppAsync("Secretive app");
        var subscription = await _kit.SubscribeAsync(clientId, receiver.UrlFor("secretive"), WebhookEventTypes.RequestStatusChanged);
        var rotated = await RotateAsync(clientId, subscription.Id, overlapSeconds: 60);
        await _kit.SubmitThroughAsync(clientId);
        await receiver.WaitAsync("secretive", r => r.Count > 0);

        var listed = await app.Host.Scenario(s => s.As(_kit.AppToken(clientId)).Get.Url("/api/webhooks/subscriptions"));
        var text = listed.ReadAsText();
        text.ShouldNotContain("whsec_");
        (await _kit.SubscriptionsAsync(clientId)).ShouldHaveSingleItem().Secret.ShouldBeNull();
        var logs = string.Join('\n', app.Logs.Since(mark));
        logs.ShouldContain(subscription.Id.ToString(), customMessage: "the delivery is logged (by ids), so the check below means something");
        logs.ShouldNotContain(subscription.Secret!);
        logs.ShouldNotContain(rotated.Secret);
    }

    private async Task<WebhookSecretRotated> RotateAsync(string clientId, Guid subscriptionId, int? overlapSeconds)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(_kit.AppToken(clientId)).Post.Json(new { overlapSeconds }).ToUrl($"/api/webhooks/subscriptions/{subscriptionId}/rotate-secret");
            s.StatusCodeShouldBe(200);
        });
        return (await result.ReadAsJsonAsync<WebhookSecretRotated>())!;
    }
}
