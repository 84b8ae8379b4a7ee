using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Payments;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Npgsql;
using Shouldly;
using Wolverine;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>Unpaid payments expire by a scheduled message; payments whose outcome we never heard are asked about again.</summary>
public sealed class PaymentTimerTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    private IMessageBus Bus => app.Host.Services.GetRequiredService<IMessageBus>();

    [Fact]
    public async Task Opening_a_session_schedules_its_expiry_in_the_database()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Card");

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand(
            "select count(*) from mygov.wolverine_incoming_envelopes where message_type like '%ExpirePayment%' and status = 'Scheduled' and position(@id in body) > 0",
            connection);
        query.Parameters.AddWithValue("id", System.Text.Encoding.UTF8.GetBytes(session.PaymentId.ToString()));
        // One at creation (a payment never opened still ends), one at the session's expiry.
        ((long)(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(2);
    }

    [Fact]
    public async Task An_unpaid_payment_expires_at_its_deadline_and_a_late_capture_still_wins_flagged()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Card");

        await Bus.InvokeAsync(new ExpirePayment(session.PaymentId), TestContext.Current.CancellationToken);
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Started);

        using (TestClock.Advance(TimeSpan.FromMinutes(31)))
        {
            await Bus.InvokeAsync(new ExpirePayment(session.PaymentId), TestContext.Current.CancellationToken);
        }
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Expired);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.AwaitingPayment);

        // The provider's session was still open on its clock and the citizen paid: that is real money, honoured and flagged.
        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        var payment = await _kit.ReadAsync(session.PaymentId);
        payment.Status.ShouldBe(PaymentStatus.Succeeded);
        payment.NeedsReconciliation.ShouldBeTrue();
        (await _kit.EventsOfAsync(session.PaymentId)).OfType<ContradictoryProviderEventRecorded>().ShouldHaveSingleItem();
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
    }

    [Fact]
    public async Task A_paid_payment_ignores_its_expiry_timer()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Card");
        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        var version = (await _kit.ReadAsync(session.PaymentId)).Version;

        using (TestClock.Advance(TimeSpan.FromHours(2)))
        {
            await Bus.InvokeAsync(new ExpirePayment(session.PaymentId), TestContext.Current.CancellationToken);
        }
        var payment = await _kit.ReadAsync(session.PaymentId);
        payment.Status.ShouldBe(PaymentStatus.Succeeded);
        payment.Version.ShouldBe(version);
    }

    [Fact]
    public async Task A_payment_whose_webhooks_were_lost_is_found_by_the_recurring_check_and_settled_from_the_status_api()
    {
        var permit = await _kit.PermitAwaitingPaymentAsync();
        var session = await _kit.OpenAsync(permit, "Card");
        await _kit.SetBehaviourAsync(await _kit.SessionIdAsync(session.PaymentId), copies: 0, reorder: false);
        await _kit.SettleAsync(() => _kit.PressAsync(session, "pay"), session.PaymentId, permit.Id);
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Started);

        // Not yet stale: the job leaves it alone.
        await _kit.SettleAsync(() => Bus.InvokeAsync(new RecheckPendingPayments(), TestContext.Current.CancellationToken), session.PaymentId, permit.Id);
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Started);

        using (TestClock.Advance(TimeSpan.FromMinutes(11)))
        {
            await _kit.SettleAsync(() => Bus.InvokeAsync(new RecheckPendingPayments(), TestContext.Current.CancellationToken), session.PaymentId, permit.Id);
        }
        (await _kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Succeeded);
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
    }
}
