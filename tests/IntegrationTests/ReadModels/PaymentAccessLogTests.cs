using Marten.Events;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.AccessLog;
using Shouldly;

namespace MyGovernment.IntegrationTests.ReadModels;

/// <summary>
/// A payment names its payer: finance's and auditors' reads of it, and an auditor's replay of a request's or a
/// payment's raw events, show in the citizen's access log. The payer's own reads do not.
/// </summary>
public sealed class PaymentAccessLogTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    [Fact]
    public async Task Reads_of_a_payment_by_staff_are_in_the_payers_access_log_and_the_payers_own_are_not()
    {
        var (paymentId, _) = await RefundTests.CapturedAsync(app, _kit);
        var payment = await _kit.ReadAsync(paymentId);
        var payer = app.TokenFor("citizen-" + payment.PayerId, Roles.Citizen, nationalId: payment.PayerId);
        var finance = app.TokenFor("finance-reader-" + paymentId, Roles.Finance, "TREASURY");
        var auditor = app.TokenFor("auditor-reader-" + paymentId, Roles.Auditor);

        foreach (var url in new[] { $"/api/payments/{paymentId}", $"/api/payments/{paymentId}/timeline", $"/api/payments/{paymentId}/receipt" })
        {
            await app.Host.Scenario(s => s.As(payer).Get.Url(url));
            await app.Host.Scenario(s => s.As(finance).Get.Url(url));
        }
        await app.Host.Scenario(s => s.As(auditor).Get.Url($"/api/audit/streams/{paymentId}/events"));
        await app.Host.Scenario(s => s.As(auditor).Get.Url($"/api/audit/streams/{payment.RequestId}/events"));
        await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var log = (await (await app.Host.Scenario(s => s.As(payer).Get.Url("/api/me/access-log?limit=100")))
            .ReadAsJsonAsync<Page<AccessLogEntry>>())!.Items;
        log.Where(a => a.ViewerId == "finance-reader-" + paymentId).Select(a => a.What).Order()
            .ShouldBe(["payment-details", "payment-receipt", "payment-timeline"]);
        log.Where(a => a.ViewerId == "auditor-reader-" + paymentId).Select(a => a.What)
            .ShouldBe(["audit-stream", "audit-stream"]);
        log.Where(a => a.ViewerId.StartsWith("finance-reader-", StringComparison.Ordinal) || a.ViewerId.StartsWith("auditor-reader-", StringComparison.Ordinal))
            .ShouldAllBe(a => a.RequestId == payment.RequestId && a.CitizenId == payment.PayerId);
        log.ShouldAllBe(a => a.ViewerRole != Roles.Citizen);
    }
}
