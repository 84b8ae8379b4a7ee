using MyGovernment.Api.Notifications;
using MyGovernment.Api.Paging;
using MyGovernment.Application.Notifications;
using MyGovernment.Domain.Common;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.SmsSandbox;
using Shouldly;

namespace MyGovernment.IntegrationTests.Notifications;

/// <summary>Reads a caller's inbox and the sandbox SMS gateway over HTTP, waiting for the async subscriber where needed.</summary>
public sealed class InboxKit(AppFixture app)
{
    public static string PhoneOf(string nationalId) => "+9705" + nationalId;

    /// <summary>
    /// Moves this test's clock to the next noon in Hebron, so the events it causes fall outside the quiet hours and
    /// their SMS and email go at once whatever the real time of the run.
    /// </summary>
    public static IDisposable Daytime()
    {
        var now = DateTimeOffset.UtcNow;
        var local = PalestineTime.ToLocal(now);
        var noon = PalestineTime.FromLocal(local.Date.AddHours(12));
        return TestClock.Advance((noon < now ? PalestineTime.FromLocal(local.Date.AddDays(1).AddHours(12)) : noon) - now);
    }

    public Task SetPreferencesAsync(string token, string language, string? phone = null, string? email = null) =>
        app.Host.Scenario(s =>
        {
            s.As(token).Put.Json(new { language, phone, email }).ToUrl("/api/me/preferences");
            s.StatusCodeShouldBe(200);
        });

    public async Task<IReadOnlyList<NotificationView>> ListAsync(string token, Guid? requestId = null)
    {
        var result = await app.Host.Scenario(s => s.As(token).Get.Url("/api/me/notifications?limit=100"));
        var page = await result.ReadAsJsonAsync<Page<NotificationView>>();
        return [.. page!.Items.Where(n => requestId is null || n.RequestId == requestId)];
    }

    /// <summary>Polls the inbox until the condition holds (the subscriber runs in the async daemon), or fails after 30 s.</summary>
    public async Task<IReadOnlyList<NotificationView>> WaitForAsync(string token, Guid requestId, Func<IReadOnlyList<NotificationView>, bool> condition, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = await ListAsync(token, requestId);
            if (condition(items))
            {
                return items;
            }
            if (DateTime.UtcNow > deadline)
            {
                condition(items).ShouldBeTrue($"{because}; the inbox holds {System.Text.Json.JsonSerializer.Serialize(items)}");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public Task<IReadOnlyList<NotificationView>> WaitForKindAsync(string token, Guid requestId, NotificationKind kind) =>
        WaitForAsync(token, requestId, items => items.Any(n => n.Kind == kind), $"a {kind} notification arrives");

    public static DeliveryView Sms(NotificationView n) => n.Deliveries.Single(d => d.Channel == NotificationChannel.Sms);

    /// <summary>
    /// The fee notice's SMS is reported delivered and the send that the gateway accepted is counted. Both are needed:
    /// the gateway's report can arrive (and show "delivered") before the sending handler has committed its attempt.
    /// </summary>
    public static bool FeeSmsDelivered(IReadOnlyList<NotificationView> items, int attempts) =>
        items.Any(n => n.Kind == NotificationKind.FeeDue && Sms(n).Status == DeliveryStatus.Delivered && Sms(n).Attempts >= attempts);

    public async Task<IReadOnlyList<SandboxSms>> SandboxMessagesAsync(string phone)
    {
        var result = await app.Host.Scenario(s => s.Get.Url($"/sms-sandbox/messages?to={Uri.EscapeDataString(phone)}"));
        return (await result.ReadAsJsonAsync<List<SandboxSms>>())!;
    }

    public Task SetSandboxBehaviourAsync(string phone, SandboxSmsBehaviour behaviour) =>
        app.Host.Scenario(s =>
        {
            s.Post.Json(new SandboxSmsBehaviourRequest(phone, behaviour.FailNext, behaviour.ReportDelayMs, behaviour.ReportFailure)).ToUrl("/sms-sandbox/behaviour");
            s.StatusCodeShouldBe(204);
        });

    public static string ReportPath => SmsDeliveryReportEndpoint.Path;
}
