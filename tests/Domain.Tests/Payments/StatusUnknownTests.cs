using MyGovernment.Domain.Payments;
using Shouldly;
using static MyGovernment.Domain.Tests.PaymentStreams.PaymentDecisionsTests;

namespace MyGovernment.Domain.Tests.PaymentStreams;

/// <summary>A payment whose status we lost (provider unreachable) gets it back when the provider answers; Authorised stays safe from expiry.</summary>
public sealed class StatusUnknownTests
{
    private static readonly DateTimeOffset Now = ServiceRequests.History.Jan(8, 10);

    private static object[] Authorised() => [.. Started(), new PaymentAuthorised(PaymentId, "evt_auth", Now.AddMinutes(1))];

    private static object[] Unknown(object[] before) => [.. before, new PaymentStatusUnknown(PaymentId, "provider unreachable", Now.AddMinutes(2))];

    [Fact]
    public void An_authorised_payment_whose_status_was_lost_is_never_expired_by_us()
    {
        var payment = Fold(Unknown(Authorised()));

        payment.Status.ShouldBe(PaymentStatus.StatusUnknown);
        PaymentDecisions.Expire(payment, TimeSpan.FromMinutes(30), Now.AddDays(2)).ShouldBeEmpty();
    }

    [Fact]
    public void A_started_payment_whose_status_was_lost_still_expires_at_its_deadline() =>
        PaymentDecisions.Expire(Fold(Unknown(Started())), TimeSpan.FromMinutes(30), Now.AddMinutes(31)).ShouldHaveSingleItem().ShouldBeOfType<PaymentExpired>();

    [Theory]
    [InlineData(false, PaymentStatus.Started)]
    [InlineData(true, PaymentStatus.Authorised)]
    public void When_the_provider_answers_again_the_payment_is_back_at_its_status(bool wasAuthorised, PaymentStatus expected)
    {
        var history = Unknown(wasAuthorised ? Authorised() : Started());
        // Lost twice in a row: the status to return to is still the one before the first loss.
        history = [.. history, new PaymentStatusUnknown(PaymentId, "still unreachable", Now.AddMinutes(3))];

        var recovered = PaymentDecisions.KnowStatusAgain(Fold(history), Now.AddMinutes(5));

        recovered.ShouldHaveSingleItem().ShouldBeOfType<PaymentStatusRecovered>().Status.ShouldBe(expected);
        Fold([.. history, .. recovered]).Status.ShouldBe(expected);
        PaymentDecisions.KnowStatusAgain(Fold([.. history, .. recovered]), Now.AddMinutes(6)).ShouldBeEmpty();
    }

    [Fact]
    public void After_recovery_the_providers_capture_applies_as_usual()
    {
        var history = Unknown(Authorised());
        object[] recovered = [.. history, .. PaymentDecisions.KnowStatusAgain(Fold(history), Now.AddMinutes(5))];

        var captured = PaymentDecisions.ApplyProviderStatus(Fold(recovered), "evt_capture", ProviderPaymentStatus.Succeeded, null, Now.AddMinutes(6));

        captured.ShouldHaveSingleItem().ShouldBeOfType<PaymentSucceeded>();
    }
}
