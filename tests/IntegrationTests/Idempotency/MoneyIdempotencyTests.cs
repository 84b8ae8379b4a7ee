using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Marten;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.Reconciliation;
using Shouldly;

namespace MyGovernment.IntegrationTests.Idempotency;

/// <summary>
/// Idempotency-Key on the money routes, where a retried POST after a timeout would otherwise open a second payment,
/// request a second refund or import a statement twice: the repeat replays the first answer (status, Location, body),
/// a changed body is 422, and a concurrent repeat is replayed or 409, never a second payment.
/// </summary>
public sealed class MoneyIdempotencyTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    [Fact]
    public async Task Repeating_a_payment_session_replays_it_and_opens_one_payment()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var url = $"{permit.Url}/payment-sessions";
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(permit.CitizenToken, url, """{"channel":"Card"}""", key);
        var repeat = await SendAsync(permit.CitizenToken, url, """{"channel":"Card"}""", key);

        first.Status.ShouldBe(201);
        repeat.ShouldBeReplayOf(first);
        (await SendAsync(permit.CitizenToken, url, """{"channel":"Cash"}""", key)).Status.ShouldBe(422);
        (await PaymentsOfAsync(permit.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_repeats_of_a_payment_session_open_one_payment()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var key = Guid.NewGuid().ToString();

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            SendAsync(permit.CitizenToken, $"{permit.Url}/payment-sessions", """{"channel":"Wallet"}""", key)));

        replies.ShouldAllBe(r => r.Status == 201 || r.Status == 409);
        replies.Count(r => r.Status == 201 && !r.Replayed).ShouldBe(1);
        (await PaymentsOfAsync(permit.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Repeating_a_refund_request_replays_the_first_refund()
    {
        var (paymentId, _) = await RefundTests.CapturedAsync(app, _kit);
        var finance = app.TokenFor("finance-idempotent", Roles.Finance, "TREASURY");
        var body = """{"amount":100,"currency":"ILS","refundableSeen":650,"reason":"Paid twice"}""";
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(finance, $"/api/payments/{paymentId}/refunds", body, key);
        var repeat = await SendAsync(finance, $"/api/payments/{paymentId}/refunds", body, key);

        first.Status.ShouldBe(201);
        repeat.ShouldBeReplayOf(first);
        (await SendAsync(finance, $"/api/payments/{paymentId}/refunds", body.Replace("100", "101", StringComparison.Ordinal), key)).Status.ShouldBe(422);
        (await _kit.ReadAsync(paymentId)).RefundPending.ShouldBe(100m);
    }

    [Fact]
    public async Task Repeating_a_refund_approval_replays_it_and_the_key_cannot_approve_another_refund()
    {
        var (paymentId, _) = await RefundTests.CapturedAsync(app, _kit);
        var requester = app.TokenFor("finance-requester-" + Guid.NewGuid().ToString("N")[..6], Roles.Finance, "TREASURY");
        var approver = app.TokenFor("finance-approver-" + Guid.NewGuid().ToString("N")[..6], Roles.Finance, "TREASURY");
        var first = await SendAsync(requester, $"/api/payments/{paymentId}/refunds", """{"amount":100,"currency":"ILS","refundableSeen":650,"reason":"Paid twice"}""", null);
        var second = await SendAsync(requester, $"/api/payments/{paymentId}/refunds", """{"amount":50,"currency":"ILS","refundableSeen":550,"reason":"Fee lowered"}""", null);
        first.Status.ShouldBe(201);
        second.Status.ShouldBe(201);
        var key = Guid.NewGuid().ToString();

        var approved = await SendAsync(approver, first.Location + "/approve", "", key);
        var repeat = await SendAsync(approver, first.Location + "/approve", "", key);
        var other = await SendAsync(approver, second.Location + "/approve", "", key);

        approved.Status.ShouldBe(200);
        repeat.Status.ShouldBe(200, repeat.Body);
        repeat.Replayed.ShouldBeTrue();
        other.Status.ShouldBe(422);
        other.Body.ShouldContain("idempotency_key_reused");
    }

    [Fact]
    public async Task Repeating_a_statement_import_replays_it_where_a_plain_repeat_is_a_conflict()
    {
        var finance = app.TokenFor("finance-idempotent", Roles.Finance, "TREASURY");
        var day = new DateOnly(2001, 1, 1).AddDays(Random.Shared.Next(0, 9000));
        var csv = string.Create(CultureInfo.InvariantCulture,
            $"SessionId,MerchantReference,Amount,Currency,CapturedAt,Fee,Net\ncs_unknown_{Guid.NewGuid():N},{Guid.NewGuid()},25.00,ILS,{day:yyyy-MM-dd}T12:00:00Z,1.50,23.50");
        var url = $"/api/finance/reconciliations?date={day:yyyy-MM-dd}";
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(finance, url, csv, key, "text/csv");
        var repeat = await SendAsync(finance, url, csv, key, "text/csv");

        first.Status.ShouldBe(201);
        repeat.ShouldBeReplayOf(first);
        (await SendAsync(finance, url, csv, key: null, "text/csv")).Status.ShouldBe(409);
        await using var session = app.Store.QuerySession();
        (await session.Query<ReconciliationDetails>().CountAsync(r => r.StatementDate == day, TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    private async Task<int> PaymentsOfAsync(Guid requestId)
    {
        await using var session = app.Store.QuerySession();
        return await session.Query<PaymentDetails>().CountAsync(p => p.RequestId == requestId, TestContext.Current.CancellationToken);
    }

    private async Task<Reply> SendAsync(string token, string url, string body, string? key, string contentType = "application/json")
    {
        using var client = app.Host.Server.CreateClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null)
        {
            message.Headers.Add(IdempotencyKeyMiddleware.Header, key);
        }
        using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);
        return new Reply(
            (int)response.StatusCode,
            response.Headers.Location?.ToString(),
            response.Headers.TryGetValues(IdempotentCommand.ReplayedHeader, out var replayed) && replayed.Single() == "true",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private sealed record Reply(int Status, string? Location, bool Replayed, string Body)
    {
        public void ShouldBeReplayOf(Reply first)
        {
            Status.ShouldBe(first.Status);
            Location.ShouldBe(first.Location);
            Body.ShouldBe(first.Body);
            first.Replayed.ShouldBeFalse();
            Replayed.ShouldBeTrue();
        }
    }
}
