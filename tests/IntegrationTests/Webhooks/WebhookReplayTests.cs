using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Webhooks;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Webhooks;

/// <summary>The webhooks subscriber is rebuildable: reading the same events again finds the deliveries it made.</summary>
public sealed class WebhookReplayTests(AppFixture app)
{
    private readonly WebhookKit _kit = new(app);

    [Fact]
    public async Task Rewinding_the_webhooks_subscriber_over_delivered_events_sends_nothing_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync();
        var floor = (await app.Store.Storage.Database.FetchEventStoreStatistics(ct)).EventSequenceNumber;
        var clientId = await _kit.RegisterAppAsync("Replayed app");
        var subscription = await _kit.SubscribeAsync(clientId, receiver.UrlFor("replay"), [.. WebhookEventTypes.All]);
        var request = await _kit.SubmitThroughAsync(clientId);
        await receiver.WaitAsync("replay", r => r.Count >= 2);
        var before = await SettledAsync(clientId, subscription.Id, receiver);

        var top = (await app.Store.Storage.Database.FetchEventStoreStatistics(ct)).EventSequenceNumber;
        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RewindSubscriptionAsync(WebhookSubscriber.Name, ct, sequenceFloor: floor);
        await CaughtUpAsync(top, ct);

        var after = await SettledAsync(clientId, subscription.Id, receiver);
        after.Received.ShouldBe(before.Received, "no webhook was sent again");
        after.Deliveries.ShouldBe(before.Deliveries);
        before.Deliveries.ShouldNotBeEmpty();
        receiver.At("replay").ShouldAllBe(w => w.RequestId == request.Id);
    }

    /// <summary>What the receiver got and the deliveries with their attempt counts, once nothing changes for two seconds.</summary>
    private async Task<(int Received, string[] Deliveries)> SettledAsync(string clientId, Guid subscriptionId, WebhookReceiver receiver)
    {
        (int, string[]) last = (-1, []);
        var stableSince = DateTime.UtcNow;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var deliveries = await _kit.DeliveriesAsync(clientId, subscriptionId);
            (int, string[]) now = (receiver.At("replay").Count, [.. deliveries.Select(d => $"{d.Id}:{d.Status}:{d.Attempts.Count}").Order()]);
            if (now.Item1 != last.Item1 || !now.Item2.SequenceEqual(last.Item2) || deliveries.Any(d => d.Status == WebhookDeliveryStatus.Pending))
            {
                (last, stableSince) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(2))
            {
                return last;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The deliveries did not settle.");
    }

    private async Task CaughtUpAsync(long sequence, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var progress = await app.Store.Advanced.AllProjectionProgress(token: ct);
            if (progress.Any(p => p.ShardName.StartsWith(WebhookSubscriber.Name, StringComparison.Ordinal) && p.Sequence >= sequence))
            {
                return;
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("The webhooks subscriber did not catch up after the rewind.");
    }
}
