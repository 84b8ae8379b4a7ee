using MyGovernment.Application.Payments;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using Shouldly;

namespace MyGovernment.Application.Tests.Payments;

/// <summary>The re-check of a payment in StatusUnknown leads back to the provider's real status.</summary>
public sealed class ProviderRecheckTests
{
    private static readonly Guid PaymentId = Guid.Parse("0190a000-0000-7000-8000-0000000000d1");
    private static readonly DateTimeOffset Now = new(2026, 1, 8, 10, 0, 0, TimeSpan.FromHours(2));
    private static readonly Money Fee = Money.Ils(650m);

    private static Payment Fold(params object[] events) => events.Aggregate((Payment?)null, Payment.Evolve)!;

    private static object[] Started =>
    [
        new PaymentCreated(PaymentId, Guid.NewGuid(), "MOLG", Fee, PaymentChannel.Card, "123456782", new Actor("c", "citizen"), Now),
        new PaymentStarted(PaymentId, "cs_1", "https://psp/pay/cs_1", null, Now.AddMinutes(30), Now),
    ];

    private static ProviderCheck Answer(ProviderPaymentStatus status, params ProviderEventReport[] events) =>
        new(new ProviderSessionStatus("cs_1", status, null, events), null);

    [Fact]
    public void An_authorised_payment_that_lost_its_status_is_authorised_again_and_not_expired_past_its_deadline()
    {
        var authorised = new ProviderEventReport("evt_auth", ProviderPaymentStatus.Authorised, null, Now.AddMinutes(1));
        var payment = Fold([.. Started, new PaymentAuthorised(PaymentId, "evt_auth", Now.AddMinutes(1)), new PaymentStatusUnknown(PaymentId, "down", Now.AddMinutes(2))]);

        var events = ProviderCheck.Decide(payment, Answer(ProviderPaymentStatus.Authorised, authorised), new PaymentsOptions(), Now.AddDays(2));

        events.OfType<PaymentExpired>().ShouldBeEmpty();
        events.Aggregate(payment, (s, e) => Payment.Evolve(s, e)!).Status.ShouldBe(PaymentStatus.Authorised);
    }

    [Fact]
    public void A_started_payment_that_lost_its_status_takes_the_providers_outcome()
    {
        var payment = Fold([.. Started, new PaymentStatusUnknown(PaymentId, "down", Now.AddMinutes(2))]);
        var captured = new ProviderEventReport("evt_paid", ProviderPaymentStatus.Succeeded, Fee, Now.AddMinutes(3));

        var events = ProviderCheck.Decide(payment, Answer(ProviderPaymentStatus.Succeeded, captured), new PaymentsOptions(), Now.AddMinutes(10));

        events.Aggregate(payment, (s, e) => Payment.Evolve(s, e)!).Status.ShouldBe(PaymentStatus.Succeeded);
    }

    [Fact]
    public void A_started_payment_that_lost_its_status_and_is_still_open_at_the_provider_is_started_again()
    {
        var payment = Fold([.. Started, new PaymentStatusUnknown(PaymentId, "down", Now.AddMinutes(2))]);

        var events = ProviderCheck.Decide(payment, Answer(ProviderPaymentStatus.Pending), new PaymentsOptions(), Now.AddMinutes(10));

        events.Aggregate(payment, (s, e) => Payment.Evolve(s, e)!).Status.ShouldBe(PaymentStatus.Started);
    }
}
