using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Oversight;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Oversight;

/// <summary>
/// The money reports over HTTP on the shared host: a refund made through the API, a statement imported through the
/// API with a line no payment explains, and a self-approved refund (only a write around the domain can produce one),
/// found from the events with the stream and sequence of each.
/// </summary>
public sealed class MoneyReportTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    [Fact]
    public async Task Refunding_the_fee_of_an_issued_request_through_the_API_is_a_refund_anomaly_and_a_fee_discrepancy()
    {
        var request = await new Journey(app, "NO-CRIMINAL-RECORD").SubmitAsync(new { purpose = "Employer", motherName = "Amal" });
        var session = await _kit.OpenAsync(request, "Card");
        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, request.Id);
        var details = await request.ReadAsync();
        var officer = Journey.Officer(app, details.AssignedTo ?? "moj-money-" + request.Id, "MOJ");
        if (details.AssignedTo is null)
        {
            await request.SendAsync(officer, "claim");
        }
        await request.SendAsync(officer, "decision/propose", new { outcome = "Approve", note = "Clean record" });
        await request.SendAsync(officer, "issue");

        var maker = "finance-maker-" + request.Id.ToString("N")[..8];
        var requested = await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor(maker, Roles.Finance, "TREASURY")).Post.Json(new { amount = 20m, currency = "ILS", refundableSeen = 20m, reason = "Goodwill" })
                .ToUrl($"/api/payments/{session.PaymentId}/refunds");
            s.StatusCodeShouldBe(201);
        });
        var refundId = (await requested.ReadAsJsonAsync<IdOnly>())!.Id;
        await app.Host.Scenario(s => s.As(app.TokenFor("finance-checker-" + maker, Roles.Finance, "TREASURY")).Post.Url($"/api/refunds/{refundId}/approve"));

        var anomalies = await ReportAsync("refund-anomalies", $"officer={maker}");
        var finding = anomalies.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("refund-on-issued-request");
        finding.RequestId.ShouldBe(request.Id);
        finding.Service.ShouldBe("NO-CRIMINAL-RECORD");
        finding.Evidence.Select(e => e.EventType).ShouldBe(["FeeAssessed", "DocumentIssued", "RefundRequested", "RefundSucceeded"]);
        var refundEvents = await EventsAsync(refundId);
        finding.Evidence[2].ShouldBe(new MyGovernment.Domain.Oversight.Evidence(refundId, refundEvents[0].Sequence, 1, "RefundRequested"));
        finding.Evidence[3].Sequence.ShouldBe(refundEvents.Single(e => e.Data is RefundSucceeded).Sequence);
        finding.Timeline.ShouldBe($"/api/service-requests/{request.Id}/timeline");

        var fees = await ReportAsync("fee-discrepancies", $"service=NO-CRIMINAL-RECORD&officer={maker}");
        fees.Findings.ShouldHaveSingleItem().Summary.ShouldContain("0.00 ILS kept (20.00 paid, 20.00 refunded)");
    }

    [Fact]
    public async Task A_refund_its_requester_approved_written_around_the_domain_is_found_from_the_events()
    {
        var (paymentId, _) = await RefundTests.CapturedAsync(app, _kit);
        var finance = new Actor("finance-self-" + paymentId.ToString("N")[..8], Roles.Finance, "TREASURY");
        var refundId = Guid.NewGuid();
        var now = app.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var session = app.Store.LightweightSession())
        {
            var amount = Money.Ils(650m);
            session.Events.StartStream<Refund>(refundId,
                new RefundRequested(refundId, paymentId, amount, amount, "Paid twice", finance, now),
                new RefundApproved(refundId, finance, now),
                new RefundSubmitted(refundId, "re_direct", now),
                new RefundSucceeded(refundId, paymentId, amount, "MOLG", now));
            // At the stream's version, so the payments read model keeps the right version for later imports.
            var payment = await session.Events.FetchStreamStateAsync(paymentId, TestContext.Current.CancellationToken);
            session.Events.Append(paymentId, payment!.Version + 2, new RefundReserved(paymentId, refundId, amount, now), new PaymentRefunded(paymentId, refundId, amount, now));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var result = await ReportAsync("segregation-of-duties", $"officer={finance.Subject}", Roles.Auditor);
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("refund-request-approve");
        finding.Department.ShouldBe("MOLG");
        finding.Service.ShouldBe("BUILDING-PERMIT");
        var events = await EventsAsync(refundId);
        finding.Evidence.Select(e => (e.StreamId, e.Sequence, e.Version)).ShouldBe([(refundId, events[0].Sequence, 1L), (refundId, events[1].Sequence, 2L)]);
        finding.Streams.ShouldBe([$"/api/audit/streams/{refundId}/events"]);
    }

    [Fact]
    public async Task A_statement_line_no_payment_explains_is_orphaned_money_citing_the_reconciliation_stream()
    {
        // A day no other test captures on (their days start in 2001), so the import concerns no one else's payments.
        var day = new DateOnly(1999, 12, 31);
        var reference = "cs_stranger_" + Guid.NewGuid().ToString("N")[..12];
        var csv = $"SessionId,MerchantReference,Amount,Currency,CapturedAt,Fee,Net\n{reference},,75.00,ILS,1999-12-31T12:00:00Z,1.00,74.00";
        var imported = await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("finance-statements", Roles.Finance, "TREASURY")).Post.Text(csv).ContentType("text/csv")
                .ToUrl("/api/finance/reconciliations").QueryString("date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            s.StatusCodeShouldBe(201);
        });
        var reconciliationId = (await imported.ReadAsJsonAsync<IdOnly>())!.Id;

        var result = await ReportAsync("orphaned-money");
        var finding = result.Findings.Single(f => f.Evidence.Any(e => e.StreamId == reconciliationId));
        finding.Rule.ShouldBe("missing-in-system");
        finding.RequestId.ShouldBeNull();
        finding.Summary.ShouldContain(reference);
        var events = await EventsAsync(reconciliationId);
        finding.Evidence.ShouldHaveSingleItem().ShouldBe(new MyGovernment.Domain.Oversight.Evidence(reconciliationId, events[1].Sequence, 2, "StatementReconciled"));
    }

    private async Task<ReportResult> ReportAsync(string name, string query = "", string role = Roles.Oversight)
    {
        var result = await app.Host.Scenario(s => s.As(app.TokenFor(role + "-money", role)).Get.Url($"/api/oversight/reports/{name}{(query.Length > 0 ? "?" + query : "")}"));
        return (await result.ReadAsJsonAsync<ReportResult>())!;
    }

    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> EventsAsync(Guid streamId)
    {
        await using var session = app.Store.QuerySession();
        return await session.Events.FetchStreamAsync(streamId, token: TestContext.Current.CancellationToken);
    }

    private sealed record IdOnly([property: JsonPropertyName("id")] Guid Id);
}
