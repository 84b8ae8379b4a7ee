using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Payments;
using MyGovernment.Domain.Payments;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.PaymentsSandbox;
using MyGovernment.Projections.Payments;

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

    /// <summary>Runs an action, then waits until the work it cascaded about these ids has left Wolverine's durable inbox.</summary>
    public async Task SettleAsync(Func<Task> action, params Guid[] ids)
    {
        await action();
        await DurableInbox.DrainedAsync(app, ids);
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
