using MyGovernment.Api.Webhooks;
using MyGovernment.Application.Webhooks;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Webhooks;

/// <summary>Deliveries to a real receiver on a loopback port, their signatures checked by the StandardWebhooks library.</summary>
public sealed class WebhookDeliveryTests(AppFixture app)
{
    private readonly WebhookKit _kit = new(app);

    [Fact]
    public async Task Every_event_type_reaches_the_app_signed_for_its_own_requests_only()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clientId = await _kit.RegisterAppAsync("Wallet app");
        var subscription = await _kit.SubscribeAsync(clientId, receiver.UrlFor("all"), [.. WebhookEventTypes.All]);
        subscription.Secret.ShouldStartWith("whsec_");

        var mine = await _kit.SubmitThroughAsync(clientId);
        var someoneElses = await _kit.SubmitThroughAsync(clientId: null);
        await _kit.PayApproveAndIssueAsync(mine);

        // Deliveries run in parallel: any kind may overtake another (the payment's arrived last in one CI run), so wait for all three.
        var received = await receiver.WaitAsync("all", r => r.Any(w => w.Type == WebhookEventTypes.DocumentIssued)
            && r.Any(w => w.Type == WebhookEventTypes.PaymentSucceeded)
            && r.Count(w => w.Type == WebhookEventTypes.RequestStatusChanged) >= 5);
        received.ShouldAllBe(w => w.VerifiesWith(subscription.Secret!));
        received.ShouldAllBe(w => w.RequestId == mine.Id, "a request submitted without the app is not the app's business");
        received.Select(w => w.Id).ShouldBeUnique();
        // Deliveries run in parallel, so they may arrive in any order; each status once.
        var statuses = received.Where(w => w.Type == WebhookEventTypes.RequestStatusChanged)
            .Select(w => w.Payload.GetProperty("data").GetProperty("status").GetString()).ToList();
        statuses.ShouldBeUnique();
        statuses.ShouldBeSubsetOf(Enum.GetNames<MyGovernment.Domain.ServiceRequests.ServiceRequestStatus>());
        foreach (var status in new[] { "Submitted", "AwaitingPayment", "InReview", "Approved", "Issued" })
        {
            statuses.ShouldContain(status);
        }
        var payment = received.Where(w => w.Type == WebhookEventTypes.PaymentSucceeded).ShouldHaveSingleItem();
        payment.Payload.GetProperty("data").GetProperty("paymentId").GetGuid().ShouldNotBe(Guid.Empty);
        received.Count(w => w.Type == WebhookEventTypes.DocumentIssued).ShouldBe(1);
        // Ids, statuses and links only: the applicant's national ID and form stay out of the payload.
        received.ShouldAllBe(w => !w.Body.Contains(mine.CitizenId) && !w.Body.Contains("Amal"));
        received.ShouldAllBe(w => w.Payload.GetProperty("data").GetProperty("link").GetString() == mine.Url);
        someoneElses.Id.ShouldNotBe(mine.Id);
    }

    [Fact]
    public async Task An_app_entitled_to_a_service_gets_its_requests_submitted_elsewhere()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clientId = await _kit.RegisterAppAsync("Ministry of Justice app", "NO-CRIMINAL-RECORD");
        var subscription = await _kit.SubscribeAsync(clientId, receiver.UrlFor("moj"), WebhookEventTypes.RequestStatusChanged);

        var request = await _kit.SubmitThroughAsync(clientId: null);

        var received = await receiver.WaitAsync("moj", r => r.Any(w => w.RequestId == request.Id));
        received.First(w => w.RequestId == request.Id).VerifiesWith(subscription.Secret!).ShouldBeTrue();
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_with_the_same_message_until_it_succeeds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clientId = await _kit.RegisterAppAsync("Flaky app");
        var subscription = await _kit.SubscribeAsync(clientId, receiver.UrlFor("flaky"), WebhookEventTypes.RequestStatusChanged);
        receiver.AnswerNext("flaky", 500);

        var request = await _kit.SubmitThroughAsync(clientId);

        var received = await receiver.WaitAsync("flaky", r => r.FirstOrDefault(w => w.AnsweredWith == 500) is { } refused && r.Count(w => w.Id == refused.Id) == 2);
        var submitted = received.Where(w => w.Id == received.First(f => f.AnsweredWith == 500).Id).ToList();
        submitted.Select(w => w.AnsweredWith).ShouldBe([500, 200]);
        submitted[1].Id.ShouldBe(submitted[0].Id);
        submitted[1].Body.ShouldBe(submitted[0].Body);
        submitted.ShouldAllBe(w => w.VerifiesWith(subscription.Secret!));

        var delivery = await WaitForDeliveryAsync(clientId, subscription.Id, d => d.MessageId == submitted[0].Id && d.Status == WebhookDeliveryStatus.Succeeded);
        delivery.RequestId.ShouldBe(request.Id);
        delivery.Attempts.Select(a => a.StatusCode).ShouldBe([500, 200]);
    }

    [Fact]
    public async Task A_subscription_that_keeps_failing_is_disabled_reported_and_back_after_a_redelivery_succeeds()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clientId = await _kit.RegisterAppAsync("Down app");
        var subscription = await _kit.SubscribeAsync(clientId, receiver.UrlFor("down"), WebhookEventTypes.RequestStatusChanged);
        receiver.AlwaysAnswer("down", 503);

        await _kit.SubmitThroughAsync(clientId);

        var failed = await WaitForDeliveryAsync(clientId, subscription.Id, d => d.Status == WebhookDeliveryStatus.Failed);
        failed.Attempts.Select(a => a.StatusCode).ShouldBe([503, 503, 503], "the first attempt and the two retries of the test schedule");
        var disabled = (await _kit.SubscriptionsAsync(clientId)).ShouldHaveSingleItem();
        disabled.Status.ShouldBe(WebhookSubscriptionStatus.Disabled);
        disabled.DisabledReason.ShouldNotBeNull().ShouldContain("failed 3 times");
        var report = await app.Host.Scenario(s => s.As(_kit.AdminToken).Get.Url("/api/admin/client-apps"));
        (await report.ReadAsJsonAsync<List<ClientAppSummary>>())!.Single(a => a.ClientId == clientId)
            .DisabledSubscriptions.ShouldHaveSingleItem().Id.ShouldBe(subscription.Id);

        receiver.AlwaysAnswer("down", 204);
        var before = receiver.At("down").Count;
        await app.Host.Scenario(s =>
        {
            s.As(_kit.AppToken(clientId)).Post.Url($"/api/webhooks/subscriptions/{subscription.Id}/deliveries/{failed.Id}/redeliver");
            s.StatusCodeShouldBe(202);
        });
        var again = (await receiver.WaitAsync("down", r => r.Count > before))[before];
        again.Id.ShouldBe(failed.MessageId);
        again.VerifiesWith(subscription.Secret!).ShouldBeTrue();
        await WaitForDeliveryAsync(clientId, subscription.Id, d => d.Id == failed.Id && d.Status == WebhookDeliveryStatus.Succeeded);
        (await _kit.SubscriptionsAsync(clientId)).ShouldHaveSingleItem().Status.ShouldBe(WebhookSubscriptionStatus.Active);
    }

    [Fact]
    public async Task Deliveries_are_listed_with_their_attempts_and_a_redelivery_sends_the_same_message_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var clientId = await _kit.RegisterAppAsync("Listing app");
        var subscription = await _kit.SubscribeAsync(clientId, receiver.UrlFor("list"), WebhookEventTypes.RequestStatusChanged);
        var request = await _kit.SubmitThroughAsync(clientId);
        var first = (await receiver.WaitAsync("list", r => r.Count >= 2))[0];

        var delivery = await WaitForDeliveryAsync(clientId, subscription.Id, d => d.MessageId == first.Id && d.Status == WebhookDeliveryStatus.Succeeded);
        delivery.EventType.ShouldBe(WebhookEventTypes.RequestStatusChanged);
        delivery.RequestId.ShouldBe(request.Id);
        delivery.Attempts.ShouldHaveSingleItem().StatusCode.ShouldBe(200);

        var before = receiver.At("list").Count;
        await app.Host.Scenario(s =>
        {
            s.As(_kit.AppToken(clientId)).Post.Url($"/api/webhooks/subscriptions/{subscription.Id}/deliveries/{delivery.Id}/redeliver");
            s.StatusCodeShouldBe(202);
        });
        var again = (await receiver.WaitAsync("list", r => r.Count > before))[before];
        again.Id.ShouldBe(first.Id);
        again.Body.ShouldBe(first.Body);
        again.VerifiesWith(subscription.Secret!).ShouldBeTrue();
        var redelivered = await WaitForDeliveryAsync(clientId, subscription.Id, d => d.Id == delivery.Id && d.Attempts.Count == 2 && d.Status == WebhookDeliveryStatus.Succeeded);
        redelivered.Attempts[1].Manual.ShouldBeTrue();
    }

    private async Task<WebhookDeliveryView> WaitForDeliveryAsync(string clientId, Guid subscriptionId, Func<WebhookDeliveryView, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var deliveries = await _kit.DeliveriesAsync(clientId, subscriptionId);
            if (deliveries.FirstOrDefault(done) is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No delivery reached the expected state: " + string.Join("; ", deliveries.Select(d => $"{d.MessageId} {d.Status} {d.Attempts.Count}")));
            }
            await Task.Delay(200);
        }
    }
}
