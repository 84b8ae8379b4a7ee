using MyGovernment.Api.Identity;
using MyGovernment.Application.Notifications;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Notifications;

/// <summary>Each change that needs the citizen's attention gives one notice, in their language, with no personal data.</summary>
public sealed class NotificationKindTests(AppFixture app)
{
    private readonly InboxKit _inbox = new(app);

    [Fact]
    public async Task A_paid_request_tells_its_applicant_each_step_once_in_the_language_they_chose()
    {
        var permit = new Journey(app, "BUILDING-PERMIT");
        await _inbox.SetPreferencesAsync(permit.CitizenToken, "en");
        await permit.SubmitAsync(PaymentKit.PermitForm);
        var feeDue = (await _inbox.WaitForKindAsync(permit.CitizenToken, permit.Id, NotificationKind.FeeDue)).Single();
        feeDue.Language.ShouldBe("en");
        feeDue.Text.ShouldBe($"Request {NotificationRules.Reference(permit.Id)}: a fee of 650.00 ILS is due. Pay it on My Government.");
        feeDue.Link.ShouldEndWith($"/requests/{permit.Id}");
        feeDue.Text.ShouldNotContain(permit.CitizenId, Case.Sensitive, "no national ID in a notice");

        await permit.SendAsync(app.TokenFor("finance-notify", Roles.Finance, "TREASURY"), "payments",
            new { paymentReference = "PAY-" + permit.Id, amount = 650m, currency = "ILS" });
        var paid = (await _inbox.WaitForKindAsync(permit.CitizenToken, permit.Id, NotificationKind.PaymentReceived)).Single(n => n.Kind == NotificationKind.PaymentReceived);
        paid.Text.ShouldContain("650.00 ILS");

        // The citizen switches to Arabic: notices written from now on are in Arabic, earlier ones stay as written.
        await _inbox.SetPreferencesAsync(permit.CitizenToken, "ar");
        await ApproveAndIssueAsync(permit);
        var all = await _inbox.WaitForKindAsync(permit.CitizenToken, permit.Id, NotificationKind.DocumentIssued);
        all.Select(n => n.Kind).ShouldBe(
            [NotificationKind.DocumentIssued, NotificationKind.Approved, NotificationKind.PaymentReceived, NotificationKind.FeeDue], "each once, newest first");
        all.Single(n => n.Kind == NotificationKind.Approved).Text.ShouldBe($"تمت الموافقة على طلبك {NotificationRules.Reference(permit.Id)}.");
        all.Where(n => n.Kind is NotificationKind.Approved or NotificationKind.DocumentIssued).ShouldAllBe(n => n.Language == "ar");
        // Without a phone or an email the inbox is the only channel, and an inbox copy is delivered at once.
        all.ShouldAllBe(n => n.Deliveries.Count == 1 && n.Deliveries[0].Channel == NotificationChannel.Inbox && n.Deliveries[0].Status == DeliveryStatus.Delivered);
        all.ShouldAllBe(n => n.Deliveries[0].UpdatedAt == n.CreatedAt, "the inbox copy is delivered when the notice is written");
        // That copy is the notice itself: no delivery document is stored for it (issue 16: one row fewer per notice).
        await using var session = app.Store.QuerySession();
        var ids = all.SelectMany(n => Enum.GetValues<NotificationChannel>().Select(c => NotificationDelivery.IdFor(n.Id, c))).ToArray();
        (await session.LoadManyAsync<NotificationDelivery>(TestContext.Current.CancellationToken, ids)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_information_request_and_a_rejection_reach_the_applicant_in_arabic_by_default()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "BSc Nursing" });
        var officerId = (await request.ReadAsync()).AssignedTo ?? "mol-notify-" + request.Id;
        var officer = Journey.Officer(app, officerId, "MOL");
        if ((await request.ReadAsync()).AssignedTo is null)
        {
            await request.SendAsync(officer, "claim");
        }
        await app.Host.Scenario(s =>
        {
            s.As(officer).Post.Json(new { expectedVersion = request.Version, message = "Please attach your diploma." })
                .ToUrl($"{request.Url}/information-requests");
            s.StatusCodeShouldBe(201);
        });
        var asked = (await _inbox.WaitForKindAsync(request.CitizenToken, request.Id, NotificationKind.InformationRequested)).Single();
        asked.Language.ShouldBe("ar");
        asked.Text.ShouldNotContain("diploma", Case.Insensitive, "the officer's words stay in the portal, not in an SMS");

        await request.ReadAsync();
        await request.SendAsync(request.CitizenToken, $"information-requests/{(await request.ReadAsync(request.CitizenToken)).AwaitedFromApplicant!.Id}/response",
            new { message = "Attached.", documents = Array.Empty<object>() });
        await request.SupplyDocumentsAsync(app);
        await request.SendAsync(officer, "decision/propose", new { outcome = "Reject", reasonCode = "incomplete-documents", note = "No diploma" });
        if ((await request.ReadAsync()).Status == Domain.ServiceRequests.ServiceRequestStatus.AwaitingApproval)
        {
            await request.SendAsync(Journey.Officer(app, "mol-checker-" + request.Id, "MOL", Roles.Supervisor), "decision/confirm", new { note = "Confirmed" });
        }
        var items = await _inbox.WaitForKindAsync(request.CitizenToken, request.Id, NotificationKind.Rejected);
        items.Single(n => n.Kind == NotificationKind.Rejected).Text.ShouldStartWith("رُفض طلبك");
        items.Count(n => n.Kind == NotificationKind.InformationRequested).ShouldBe(1);
    }

    [Fact]
    public async Task An_approved_refund_tells_the_applicant_of_the_request_it_paid_for()
    {
        var kit = new PaymentKit(app);
        var permit = await kit.PermitAwaitingPaymentAsync();
        var session = await kit.OpenAsync(permit, "Card");
        await kit.SettleAsync(() => kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        var requested = await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("finance-notify-maker", Roles.Finance, "TREASURY"))
                .Post.Json(new { amount = 200m, currency = "ILS", refundableSeen = 650m, reason = "Paid twice" }).ToUrl($"/api/payments/{session.PaymentId}/refunds");
            s.StatusCodeShouldBe(201);
        });
        var refundId = (await requested.ReadAsJsonAsync<MyGovernment.Projections.Payments.RefundDetails>())!.Id;
        await app.Host.Scenario(s => s.As(app.TokenFor("finance-notify-checker", Roles.Finance, "TREASURY")).Post.Url($"/api/refunds/{refundId}/approve"));

        var items = await _inbox.WaitForKindAsync(permit.CitizenToken, permit.Id, NotificationKind.RefundDecided);
        items.Single(n => n.Kind == NotificationKind.RefundDecided).Text.ShouldBe($"تقرر رد 200.00 ILS عن طلبك {NotificationRules.Reference(permit.Id)}.");
    }

    private async Task ApproveAndIssueAsync(Journey permit)
    {
        await permit.SupplyDocumentsAsync(app);
        foreach (var department in new[] { "MOLG", "CIVIL-DEFENCE" })
        {
            var details = await permit.ReadAsync();
            var officer = Journey.Officer(app, details.AssignedTo ?? $"{department.ToLowerInvariant()}-notify-{permit.Id}", department);
            if (details.AssignedTo is null)
            {
                await permit.SendAsync(officer, "claim");
            }
            if (department == "MOLG")
            {
                await permit.SendAndSettleAsync(officer, "steps/complete", new { note = "Step done" });
                continue;
            }
            await permit.SendAsync(officer, "decision/propose", new { outcome = "Approve", note = "Meets the code" });
            await permit.SendAsync(Journey.Officer(app, "cd-checker-" + permit.Id, department, Roles.Supervisor), "decision/confirm", new { note = "Approved" });
            await permit.SendAsync(officer, "issue");
        }
    }
}
