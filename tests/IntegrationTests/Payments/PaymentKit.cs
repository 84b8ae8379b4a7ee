using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Api.PaymentsSandbox;
using MyGovernment.Application.Payments;
using MyGovernment.Domain.Payments;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Payments;
using System.Text;
using Npgsql;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>Drives payments over HTTP as the citizen, the provider's hosted page, a cash agent and the provider's webhooks would.</summary>
public sealed class PaymentKit(AppFixture app)
{
    public static readonly object PermitForm = new { basinNumber = "7", parcelNumber = "112", floors = "2", areaSqm = "180" };

    public SandboxOptions Sandbox => app.Host.Services.GetRequiredService<SandboxOptions>();

    public string FinanceToken => app.TokenFor("finance-payments", Roles.Finance, "TREASURY");

    public async Task<Journey> PermitAwaitingPaymentAsync() => await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);

    public async Task<PaymentSessionResponse> OpenAsync(Journey request, string channel)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.As(request.CitizenToken).Post.Json(new { channel }).ToUrl($"{request.Url}/payment-sessions");
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<PaymentSessionResponse>())!;
    }

    public async Task<PaymentDetails> ReadAsync(Guid paymentId, string? token = null)
    {
        var result = await app.Host.Scenario(s => s.As(token ?? FinanceToken).Get.Url($"/api/payments/{paymentId}"));
        return (await result.ReadAsJsonAsync<PaymentDetails>())!;
    }

    /// <summary>
    /// Runs an action, then waits (polling, with a deadline) until no message about these ids is still waiting in
    /// Wolverine's durable inbox: the sandbox's webhook deliveries (they name the payment), their retries, and the
    /// request confirmations they cascade (they name the request and the payment). Wolverine's TrackActivity is not
    /// used: it follows one tracked session per host, and these tests run side by side.
    /// </summary>
    public async Task SettleAsync(Func<Task> action, params Guid[] ids)
    {
        await action();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        while (true)
        {
            await using var query = new NpgsqlCommand(
                "select count(*) from mygov.wolverine_incoming_envelopes where status = 'Incoming' and ("
                + string.Join(" or ", ids.Select((_, i) => $"position(@id{i} in body) > 0")) + ")", connection);
            for (var i = 0; i < ids.Length; i++)
            {
                query.Parameters.AddWithValue($"id{i}", Encoding.UTF8.GetBytes(ids[i].ToString()));
            }
            if ((long)(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Messages about " + string.Join(", ", ids) + " were still waiting after 30 s.");
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The citizen, on the provider's hosted page, presses a button (pay, decline, cancel); the provider redirects back.</summary>
    public async Task PressAsync(PaymentSessionResponse session, string action)
    {
        var page = new Uri(session.RedirectUrl!).AbsolutePath;
        var html = await app.Host.Scenario(s => s.Get.Url(page));
        var form = html.ReadAsText();
        if (!form.Contains($"{page}/{action}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The hosted page offers no '{action}' button:\n{form}");
        }
        await app.Host.Scenario(s =>
        {
            s.Post.Url($"{page}/{action}");
            s.StatusCodeShouldBe(302);
        });
    }

    public Task SetBehaviourAsync(string sessionId, int copies, bool reorder) =>
        app.Host.Scenario(s =>
        {
            s.WithRequestHeader(SandboxOptions.ApiKeyHeader, Sandbox.ApiKey);
            s.Post.Json(new { sessionId, copies, reorder }).ToUrl("/sandbox/admin/behaviour");
            s.StatusCodeShouldBe(200);
        });

    public async Task<string> SessionIdAsync(Guid paymentId) => (await ReadAsync(paymentId)).ProviderSessionId!;

    public async Task<IReadOnlyList<object>> EventsOfAsync(Guid streamId)
    {
        await using var session = app.Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(streamId, token: TestContext.Current.CancellationToken)).Select(e => e.Data)];
    }

    public async Task<int> CapturesAsync(Guid paymentId) => (await EventsOfAsync(paymentId)).OfType<PaymentSucceeded>().Count();
}
