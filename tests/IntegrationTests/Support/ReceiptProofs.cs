using MyGovernment.Api.Identity;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Support;

public static class ReceiptProofs
{
    /// <summary>
    /// Signs checkpoints (as an auditor may) until one covers the payment's success, then returns the payer's receipt
    /// proof. Polled with a deadline: a hole left by another test's rolled-back append holds sealing back until
    /// Integrity:GapTimeout has passed.
    /// </summary>
    public static async Task<InclusionReceipt> WaitForAsync(AppFixture app, string payerToken, Guid paymentId)
    {
        var auditor = app.TokenFor("auditor-proofs", Roles.Auditor);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await app.Host.Scenario(s =>
            {
                s.As(auditor).Post.Url("/api/audit/checkpoints");
                s.StatusCodeShouldBe(201);
            });
            var result = await app.Host.Scenario(s =>
            {
                s.As(payerToken).Get.Url($"/api/payments/{paymentId}/receipt/proof");
                s.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            status.ShouldBeOneOf(200, 404);
            if (status == 200)
            {
                return (await result.ReadAsJsonAsync<InclusionReceipt>())!;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the payment's success event was never covered by a checkpoint");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
