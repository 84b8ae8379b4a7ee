using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>
/// Puts the engine in the state a staff journey starts from, through the engine's own HTTP API as its other actors
/// would (citizens applying and paying, a colleague acting first), so the browser only does the part under test.
/// </summary>
public sealed class EngineState(PortalHost host)
{
    // Redirects are not followed: the provider's hosted page answers a payment with one, which is the check.
    private HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };

    public async Task<string> TokenAsync(string subject, string role, string? department = null, string? nationalId = null)
    {
        var minted = await SendAsync(null, HttpMethod.Post, "/dev/tokens", new { subject, role, department, nationalId });
        return minted["accessToken"]!.GetValue<string>();
    }

    /// <summary>A citizen's request, submitted and waiting in its first department's queue.</summary>
    public async Task<Guid> SubmittedAsync(string serviceCode, object form)
    {
        var nationalId = PortalPages.NewNationalId();
        var citizen = await TokenAsync("citizen-" + nationalId, "citizen", nationalId: nationalId);
        var created = await SendAsync(citizen, HttpMethod.Post, "/api/service-requests", new { serviceCode, form });
        var id = Guid.Parse(created["requestId"]!.GetValue<string>());
        await UntilAsync(async () => (await RequestAsync(id))["currentDepartment"] is not null);
        return id;
    }

    /// <summary>Sends a command on a request with the version the actor last saw, as every client must.</summary>
    public async Task ActAsync(Guid id, string token, string action, object? body = null)
    {
        var payload = body is null ? new JsonObject() : JsonSerializer.SerializeToNode(body)!.AsObject();
        payload["expectedVersion"] = (await RequestAsync(id))["version"]!.GetValue<long>();
        await SendAsync(token, HttpMethod.Post, $"/api/service-requests/{id}/{action}", payload);
    }

    public async Task<JsonObject> RequestAsync(Guid id) =>
        await SendAsync(await TokenAsync("auditor-state", "auditor"), HttpMethod.Get, $"/api/service-requests/{id}");

    /// <summary>A free service of one department whose decisions need a supervisor's confirmation.</summary>
    public async Task<string> ServiceNeedingSecondApproverAsync(string department)
    {
        var admin = await TokenAsync("admin-staff-tests", "admin");
        var code = ("S2-" + Guid.NewGuid().ToString("N"))[..12].ToUpperInvariant();
        await SendAsync(admin, HttpMethod.Post, "/api/admin/services", new
        {
            code,
            departmentCode = department,
            name = new { ar = "خدمة بموافقتين", en = "Two-approval service" },
            description = new { ar = "خدمة تحتاج تأكيد مشرف.", en = "A service whose decisions a supervisor confirms." },
            fields = new object[] { new { name = "purpose", type = "Text", required = true, label = new { ar = "الغرض", en = "Purpose" }, maxLength = 80 } },
            requiredDocuments = Array.Empty<object>(),
            isPaid = false,
            workflow = new[] { new { departmentCode = department, name = new { ar = "مراجعة", en = "Review" } } },
            requiresSecondApprover = true,
            slaWorkingDays = 5,
        });
        await SendAsync(admin, HttpMethod.Post, $"/api/admin/services/{code}/publish", new { });
        return code;
    }

    /// <summary>A building permit paid by card on the sandbox's hosted page, its capture recorded.</summary>
    public async Task<Guid> CapturedPaymentAsync()
    {
        var nationalId = PortalPages.NewNationalId();
        var citizen = await TokenAsync("citizen-" + nationalId, "citizen", nationalId: nationalId);
        var created = await SendAsync(citizen, HttpMethod.Post, "/api/service-requests", new
        {
            serviceCode = "BUILDING-PERMIT",
            form = new { basinNumber = "7", parcelNumber = "112", floors = "2", areaSqm = "180" },
        });
        var requestId = created["requestId"]!.GetValue<string>();
        var session = await SendAsync(citizen, HttpMethod.Post, $"/api/service-requests/{requestId}/payment-sessions", new { channel = "Card" });
        var paymentId = Guid.Parse(session["paymentId"]!.GetValue<string>());
        var hostedPage = new Uri(session["redirectUrl"]!.GetValue<string>()).AbsolutePath;
        using (var http = NewClient())
        {
            (await http.PostAsync($"{hostedPage}/pay", null)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var finance = await TokenAsync("finance-state", "finance");
        await UntilAsync(async () => (await SendAsync(finance, HttpMethod.Get, $"/api/payments/{paymentId}"))["status"]!.GetValue<string>() == "Succeeded");
        return paymentId;
    }

    public async Task<Guid> RefundRequestedAsync(Guid paymentId, string maker, decimal amount)
    {
        var token = await TokenAsync(maker, "finance");
        var payment = await SendAsync(token, HttpMethod.Get, $"/api/payments/{paymentId}");
        var refund = await SendAsync(token, HttpMethod.Post, $"/api/payments/{paymentId}/refunds", new
        {
            amount,
            currency = "ILS",
            refundableSeen = payment["refundable"]!["amount"]!.GetValue<decimal>(),
            reason = "Paid twice",
        });
        return Guid.Parse(refund["id"]!.GetValue<string>());
    }

    private async Task<JsonObject> SendAsync(string? token, HttpMethod method, string url, object? body = null)
    {
        using var message = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            message.Headers.Authorization = new("Bearer", token);
        }
        if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }
        using var http = NewClient();
        using var response = await http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    // Follow-up work (queueing, the provider's webhook) runs after the command's answer: wait for its result.
    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await done())
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The engine did not reach the expected state in 20 s.");
    }
}
