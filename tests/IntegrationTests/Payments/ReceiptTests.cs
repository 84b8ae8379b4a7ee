using Alba;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Payments;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

public sealed class ReceiptTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    [Fact]
    public async Task A_succeeded_payment_has_a_receipt_a_printable_page_with_a_QR_code_and_a_public_check()
    {
        var (paymentId, _) = await RefundTests.CapturedAsync(app, _kit);
        var payer = (await _kit.ReadAsync(paymentId)).PayerId;
        var payerToken = app.TokenFor("citizen-" + payer, Roles.Citizen, nationalId: payer);

        var receipt = await (await app.Host.Scenario(s => s.As(payerToken).Get.Url($"/api/payments/{paymentId}/receipt"))).ReadAsJsonAsync<Receipt>();
        receipt!.ReceiptNumber.ShouldBe(paymentId);
        receipt.ServiceCode.ShouldBe("BUILDING-PERMIT");
        receipt.Amount.Amount.ShouldBe(650m);
        receipt.VerifyUrl.ShouldEndWith($"/api/receipts/{paymentId}/verify");

        var page = await app.Host.Scenario(s =>
        {
            s.As(payerToken).Get.Url($"/api/payments/{paymentId}/receipt.html");
            s.ContentTypeShouldBe("text/html; charset=utf-8");
        });
        var html = page.ReadAsText();
        html.ShouldContain("<svg");
        html.ShouldContain("650.00 ILS");

        var check = await (await app.Host.Scenario(s => s.Get.Url($"/api/receipts/{paymentId}/verify"))).ReadAsJsonAsync<ReceiptVerification>();
        check!.Genuine.ShouldBeTrue();
        check.Amount!.Amount.ShouldBe(650m);
        (await app.Host.Scenario(s => s.Get.Url($"/api/receipts/{paymentId}/verify"))).ReadAsText().ShouldNotContain(payer);
    }

    [Fact]
    public async Task Another_citizen_gets_404_and_an_unknown_receipt_does_not_verify()
    {
        var (paymentId, _) = await RefundTests.CapturedAsync(app, _kit);
        var stranger = Citizens.NewNationalId();
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("c-" + stranger, Roles.Citizen, nationalId: stranger)).Get.Url($"/api/payments/{paymentId}/receipt");
            s.StatusCodeShouldBe(404);
        });
        await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/receipts/{Guid.NewGuid()}/verify");
            s.StatusCodeShouldBe(404);
        });
    }
}
