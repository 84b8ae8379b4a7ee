using Alba;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Notifications;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;
using Shouldly;
using Wolverine;

namespace MyGovernment.IntegrationTests.Notifications;

public sealed class NotificationInboxTests(AppFixture app)
{
    private readonly InboxKit _inbox = new(app);

    [Fact]
    public async Task A_citizen_marks_a_notice_read_and_unread_and_cannot_touch_someone_elses()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PaymentKit.PermitForm);
        var fee = (await _inbox.WaitForKindAsync(permit.CitizenToken, permit.Id, NotificationKind.FeeDue)).Single();
        fee.Read.ShouldBeFalse();

        var read = await app.Host.Scenario(s => s.As(permit.CitizenToken).Put.Url($"/api/me/notifications/{fee.Id}/read"));
        (await read.ReadAsJsonAsync<NotificationView>())!.Read.ShouldBeTrue();
        var unreadOnly = await app.Host.Scenario(s => s.As(permit.CitizenToken).Get.Url("/api/me/notifications?unread=true"));
        (await unreadOnly.ReadAsJsonAsync<MyGovernment.Api.Paging.Page<NotificationView>>())!.Items.ShouldNotContain(n => n.Id == fee.Id);

        await app.Host.Scenario(s => s.As(permit.CitizenToken).Delete.Url($"/api/me/notifications/{fee.Id}/read"));
        (await _inbox.ListAsync(permit.CitizenToken, permit.Id)).Single().Read.ShouldBeFalse();

        // Another citizen: not found, and their own inbox does not show it.
        var stranger = Citizens.NewNationalId();
        var strangerToken = app.TokenFor("c-" + stranger, Roles.Citizen, nationalId: stranger);
        await app.Host.Scenario(s =>
        {
            s.As(strangerToken).Put.Url($"/api/me/notifications/{fee.Id}/read");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        (await _inbox.ListAsync(strangerToken)).ShouldBeEmpty();
        (await _inbox.ListAsync(permit.CitizenToken, permit.Id)).Single().Read.ShouldBeFalse("the stranger's attempt changed nothing");
    }

    [Fact]
    public async Task Preferences_are_validated_and_read_back()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("c-" + citizen, Roles.Citizen, nationalId: citizen);
        (await (await app.Host.Scenario(s => s.As(token).Get.Url("/api/me/preferences"))).ReadAsJsonAsync<PreferencesBody>())!.Language.ShouldBe("ar");
        await app.Host.Scenario(s =>
        {
            s.As(token).Put.Json(new { language = "fr", phone = "0599", email = "nope" }).ToUrl("/api/me/preferences");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        await _inbox.SetPreferencesAsync(token, "en", "+970599123456", "citizen@example.ps");
        (await (await app.Host.Scenario(s => s.As(token).Get.Url("/api/me/preferences"))).ReadAsJsonAsync<PreferencesBody>())
            .ShouldBe(new PreferencesBody("en", "+970599123456", "citizen@example.ps"));
    }

    [Fact]
    public async Task Email_goes_over_smtp_with_the_notification_id_as_message_id()
    {
        var permit = new Journey(app, "BUILDING-PERMIT");
        var address = $"c{permit.CitizenId}@example.ps";
        await _inbox.SetPreferencesAsync(permit.CitizenToken, "en", email: address);
        using (InboxKit.Daytime())
        {
            await permit.SubmitAsync(PaymentKit.PermitForm);
        }
        var fee = (await _inbox.WaitForAsync(permit.CitizenToken, permit.Id,
            items => items.Any(n => n.Kind == NotificationKind.FeeDue && n.Deliveries.Any(d => d.Channel == NotificationChannel.Email && d.Status == DeliveryStatus.Sent)),
            "the email is handed to the SMTP server")).Single();
        var mail = app.Smtp.Messages.Single(m => m.Recipients.Contains(address));
        mail.Data.ShouldContain($"{fee.Id:N}@notifications.mygov.ps");
        mail.Data.ShouldContain($"/requests/{permit.Id}");
    }

    [Fact]
    public async Task An_unpaid_fee_brings_one_reminder_before_abandonment_and_none_once_paid()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PaymentKit.PermitForm);
        var fee = (await _inbox.WaitForKindAsync(permit.CitizenToken, permit.Id, NotificationKind.FeeDue)).Single();
        var bus = app.Host.Services.GetRequiredService<IMessageBus>();
        // The reminder the subscriber scheduled, fired now (twice: at-least-once delivery of the timer).
        await using (var session = app.Store.QuerySession())
        {
            var assessed = (await session.Events.FetchStreamAsync(permit.Id, token: TestContext.Current.CancellationToken))
                .Single(e => e.Data is Domain.ServiceRequests.FeeAssessed);
            // The event's instant, to the microsecond PostgreSQL keeps (the notice's time is also an indexed column).
            fee.CreatedAt.ShouldBe(Projections.StoredTime.Of(((Domain.ServiceRequests.FeeAssessed)assessed.Data).AssessedAt));
            var reminder = AbandonmentReminder.For(assessed, new LifecycleOptions(), new NotificationOptions())!.Value.Message;
            await bus.InvokeAsync(reminder, TestContext.Current.CancellationToken);
            await bus.InvokeAsync(reminder, TestContext.Current.CancellationToken);
        }
        var items = await _inbox.ListAsync(permit.CitizenToken, permit.Id);
        var reminded = items.Single(n => n.Kind == NotificationKind.AbandonmentSoon);
        reminded.Text.ShouldContain("3");

        // Once the fee is paid, a reminder that fires finds nothing awaited and says nothing.
        await permit.SendAsync(app.TokenFor("finance-notify", Roles.Finance, "TREASURY"), "payments",
            new { paymentReference = "PAY-" + permit.Id, amount = 650m, currency = "ILS" });
        await bus.InvokeAsync(new RemindBeforeAbandonment(permit.Id, Guid.NewGuid(), null, 3, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        (await _inbox.ListAsync(permit.CitizenToken, permit.Id)).Count(n => n.Kind == NotificationKind.AbandonmentSoon).ShouldBe(1);
    }

    [Fact]
    public async Task An_sla_escalation_reaches_the_officer_holding_the_request_and_the_supervisors_inbox()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "BSc Nursing" });
        var holder = (await request.ReadAsync()).AssignedTo ?? "mol-escalate-" + request.Id;
        var officer = Journey.Officer(app, holder, "MOL");
        if ((await request.ReadAsync()).AssignedTo is null)
        {
            await request.SendAsync(officer, "claim");
        }
        using (TestClock.Advance(TimeSpan.FromDays(60)))
        {
            await app.Host.Services.GetRequiredService<IMessageBus>().InvokeAsync(new CheckSla(request.Id), TestContext.Current.CancellationToken);
        }
        var supervisor = Journey.Officer(app, "mol-supervisor-" + request.Id, "MOL", Roles.Supervisor);
        var notice = (await _inbox.WaitForKindAsync(supervisor, request.Id, NotificationKind.Escalated)).Single();
        notice.Text.ShouldContain("MOL");
        (await _inbox.WaitForKindAsync(officer, request.Id, NotificationKind.Escalated)).Single().Id.ShouldNotBe(notice.Id);
        // The citizen is not told about internal escalations, and staff of another department do not see them.
        (await _inbox.ListAsync(request.CitizenToken, request.Id)).ShouldNotContain(n => n.Kind == NotificationKind.Escalated);
        (await _inbox.ListAsync(Journey.Officer(app, "molg-supervisor-" + request.Id, "MOLG", Roles.Supervisor), request.Id)).ShouldBeEmpty();
    }

    private sealed record PreferencesBody(string Language, string? Phone, string? Email);
}
