using System.Security.Cryptography;
using System.Text;
using Alba;
using Marten.Events.Daemon.Coordination;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Notifications;
using MyGovernment.Domain.Common;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.SmsSandbox;
using Shouldly;

namespace MyGovernment.IntegrationTests.Notifications;

/// <summary>SMS through the sandbox gateway: signed delivery reports, retries, quiet hours, and a replay that sends nothing twice.</summary>
[Collection(nameof(NotificationReplay))]
public sealed class SmsDeliveryTests(AppFixture app)
{
    private readonly InboxKit _inbox = new(app);

    private async Task<(Journey Permit, string Phone)> PermitWithPhoneAsync(SandboxSmsBehaviour? behaviour = null)
    {
        var permit = new Journey(app, "BUILDING-PERMIT");
        var phone = InboxKit.PhoneOf(permit.CitizenId);
        await _inbox.SetPreferencesAsync(permit.CitizenToken, "ar", phone);
        if (behaviour is not null)
        {
            await _inbox.SetSandboxBehaviourAsync(phone, behaviour);
        }
        return (permit, phone);
    }

    [Fact]
    public async Task An_sms_goes_through_the_gateway_and_its_signed_report_marks_it_delivered()
    {
        var (permit, phone) = await PermitWithPhoneAsync(new SandboxSmsBehaviour(ReportDelayMs: 200));
        using (InboxKit.Daytime())
        {
            await permit.SubmitAsync(PaymentKit.PermitForm);
        }
        var fee = (await _inbox.WaitForAsync(permit.CitizenToken, permit.Id,
            items => InboxKit.FeeSmsDelivered(items, 1), "the SMS is reported delivered")).Single();
        InboxKit.Sms(fee).Attempts.ShouldBe(1);

        var sent = (await _inbox.SandboxMessagesAsync(phone)).ShouldHaveSingleItem();
        sent.MessageId.ShouldBe(fee.Id, "the notification id is the gateway's idempotency key");
        sent.Text.ShouldBe(fee.Text);
        SmsSegments.Count(sent.Text).ShouldBe(1);
        sent.Status.ShouldBe("delivered");
    }

    [Fact]
    public async Task A_refused_send_is_retried_and_then_delivered()
    {
        var (permit, phone) = await PermitWithPhoneAsync(new SandboxSmsBehaviour(FailNext: 1));
        using (InboxKit.Daytime())
        {
            await permit.SubmitAsync(PaymentKit.PermitForm);
        }
        var fee = (await _inbox.WaitForAsync(permit.CitizenToken, permit.Id,
            items => InboxKit.FeeSmsDelivered(items, 2), "the retried SMS is delivered")).Single();
        InboxKit.Sms(fee).Attempts.ShouldBe(2, "one refused attempt, one accepted");
        (await _inbox.SandboxMessagesAsync(phone)).ShouldHaveSingleItem().Submissions.ShouldBe(1);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_shows_retried_while_it_waits_for_the_next_attempt()
    {
        var (permit, _) = await PermitWithPhoneAsync(new SandboxSmsBehaviour(FailNext: 100));
        using (InboxKit.Daytime())
        {
            await permit.SubmitAsync(PaymentKit.PermitForm);
        }
        var fee = (await _inbox.WaitForAsync(permit.CitizenToken, permit.Id,
            items => items.Any(n => n.Kind == NotificationKind.FeeDue && InboxKit.Sms(n).Status == DeliveryStatus.Retried), "the failed SMS waits for a retry")).Single();
        InboxKit.Sms(fee).Attempts.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task In_quiet_hours_sms_is_held_until_morning_while_the_inbox_has_it_at_once()
    {
        var (permit, phone) = await PermitWithPhoneAsync();
        // 23:30 tonight in Hebron, as the commands' business time.
        var now = PalestineTime.ToLocal(DateTimeOffset.UtcNow);
        var tonight = PalestineTime.FromLocal(now.Date.AddHours(23).AddMinutes(30));
        using (TestClock.Advance(tonight - DateTimeOffset.UtcNow))
        {
            await permit.SubmitAsync(PaymentKit.PermitForm);
        }
        var fee = (await _inbox.WaitForKindAsync(permit.CitizenToken, permit.Id, NotificationKind.FeeDue)).Single();
        var sms = InboxKit.Sms(fee);
        sms.Status.ShouldBe(DeliveryStatus.Held);
        sms.HeldUntil.ShouldBe(PalestineTime.FromLocal(now.Date.AddDays(1).AddHours(8)));
        fee.Deliveries.Single(d => d.Channel == NotificationChannel.Inbox).Status.ShouldBe(DeliveryStatus.Delivered);
        fee.Deliveries.Select(d => d.Channel).ShouldBe([NotificationChannel.Inbox, NotificationChannel.Sms]);
        await using (var session = app.Store.QuerySession())
        {
            var stored = await session.LoadManyAsync<NotificationDelivery>(TestContext.Current.CancellationToken,
                Enum.GetValues<NotificationChannel>().Select(c => NotificationDelivery.IdFor(fee.Id, c)).ToArray());
            stored.Select(d => d.Channel).ShouldBe([NotificationChannel.Sms], "the SMS copy is stored; the inbox copy is the notice");
        }
        await Task.Delay(500, TestContext.Current.CancellationToken);
        (await _inbox.SandboxMessagesAsync(phone)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_report_with_a_bad_signature_is_refused_and_changes_nothing()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"messageId":"{{Guid.NewGuid()}}","status":"delivered","at":"2026-12-04T10:00:00Z"}""");
        foreach (var signature in new[] { "", "00", Convert.ToHexStringLower(HMACSHA256.HashData("wrong-secret"u8, body)) })
        {
            await app.Host.Scenario(s =>
            {
                s.Post.ByteArray(body).ContentType("application/json").ToUrl(InboxKit.ReportPath);
                s.WithRequestHeader(SmsReportVerifier.SignatureHeader, signature);
                s.StatusCodeShouldBe(401);
                s.ContentTypeShouldBe("application/problem+json");
            });
        }
        // Signed properly but for no message of ours: 404.
        var secret = app.Host.Services.GetRequiredService<SmsSandboxOptions>().CallbackSecret;
        await app.Host.Scenario(s =>
        {
            s.Post.ByteArray(body).ContentType("application/json").ToUrl(InboxKit.ReportPath);
            s.WithRequestHeader(SmsReportVerifier.SignatureHeader, Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
            s.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task Rewinding_the_subscription_to_the_first_event_sends_nothing_again()
    {
        var (permit, phone) = await PermitWithPhoneAsync();
        using (InboxKit.Daytime())
        {
            await permit.SubmitAsync(PaymentKit.PermitForm);
        }
        var before = await _inbox.WaitForAsync(permit.CitizenToken, permit.Id,
            items => InboxKit.FeeSmsDelivered(items, 1), "the SMS is delivered");

        var daemon = app.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RewindSubscriptionAsync(NotificationSubscription.Name, TestContext.Current.CancellationToken, sequenceFloor: 0);
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(1000, TestContext.Current.CancellationToken);

        var after = await _inbox.ListAsync(permit.CitizenToken, permit.Id);
        System.Text.Json.JsonSerializer.Serialize(after).ShouldBe(System.Text.Json.JsonSerializer.Serialize(before), "the same notices, with the same delivery status");
        (await _inbox.SandboxMessagesAsync(phone)).ShouldHaveSingleItem().Submissions.ShouldBe(1, "the gateway was not asked again");
    }
}

[CollectionDefinition(nameof(NotificationReplay))]
public sealed class NotificationReplay;
