using System.Security.Cryptography;
using System.Text.Json;
using Alba;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Integrity;
using MyGovernment.Api.Replay;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>DESIGN §7 for payments: replay to a version or a moment, and a citizen's receipt that carries an inclusion proof.</summary>
public sealed class PaymentAuditTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    private string Auditor => app.TokenFor("auditor-" + Guid.NewGuid().ToString("N")[..6], Roles.Auditor);

    [Fact]
    public async Task A_payment_replays_to_any_version_and_any_moment()
    {
        var (paymentId, _) = await RefundTests.CapturedAsync(app, _kit);
        var events = await GetAsync<List<StoredEvent>>($"/api/audit/streams/{paymentId}/events", Auditor);

        foreach (var e in events)
        {
            var state = await GetAsync<JsonElement>($"/api/audit/payments/{paymentId}/state?version={e.Version}", Auditor);
            state.GetProperty("readModel").GetProperty("version").GetInt64().ShouldBe(e.Version);
        }
        (await GetAsync<JsonElement>($"/api/audit/payments/{paymentId}/state?version=1", Auditor))
            .GetProperty("readModel").GetProperty("status").GetString().ShouldBe("Created");
        foreach (var moment in events.Select(e => e.Timestamp).Distinct())
        {
            var state = await GetAsync<JsonElement>($"/api/audit/payments/{paymentId}/state?at={Uri.EscapeDataString(moment.ToString("O"))}", Auditor);
            state.GetProperty("readModel").GetProperty("version").GetInt64().ShouldBe(events.Where(e => e.Timestamp <= moment).Max(e => e.Version));
        }
        (await GetAsync<JsonElement>($"/api/audit/payments/{paymentId}/state", Auditor))
            .GetProperty("writeModel").GetProperty("status").GetString().ShouldBe("Succeeded");
    }

    [Fact]
    public async Task A_citizens_payment_receipt_carries_an_inclusion_proof_that_checks_offline()
    {
        var (paymentId, _) = await RefundTests.CapturedAsync(app, _kit);
        var payer = (await _kit.ReadAsync(paymentId)).PayerId;
        var payerToken = app.TokenFor("citizen-" + payer, Roles.Citizen, nationalId: payer);

        var receipt = await ReceiptProofs.WaitForAsync(app, payerToken, paymentId);

        using var key = ECDsa.Create();
        key.ImportFromPem((await GetAsync<PublicKeyView>("/api/audit/public-key", null)).Pem);
        var (ok, message) = OfflineCheck.Check(receipt, key);
        ok.ShouldBeTrue(message);
        message.ShouldContain("payment_succeeded");
        message.ShouldContain($"stream {paymentId}");

        var stranger = Citizens.NewNationalId();
        await app.Host.Scenario(s =>
        {
            s.As(app.TokenFor("c-" + stranger, Roles.Citizen, nationalId: stranger)).Get.Url($"/api/payments/{paymentId}/receipt/proof");
            s.StatusCodeShouldBe(404);
        });
    }

    private async Task<T> GetAsync<T>(string url, string? token)
    {
        var result = await app.Host.Scenario(s =>
        {
            if (token is not null)
            {
                s.As(token);
            }
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }
}
