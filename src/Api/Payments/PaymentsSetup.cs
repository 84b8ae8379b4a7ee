using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Payments;
using MyGovernment.Application.Payments.Provider;
using MyGovernment.PaymentsSandbox;

namespace MyGovernment.Api.Payments;

public static class PaymentsSetup
{
    /// <summary>The payments module and, in Development and Testing, the sandbox provider it talks to by default.</summary>
    public static void AddMyGovernmentPayments(this WebApplicationBuilder builder)
    {
        var sandbox = builder.AddPaymentsSandbox();
        var ownUrl = (builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5170").Split(';')[0].TrimEnd('/');

        builder.Services.Configure<PaymentsOptions>(builder.Configuration.GetSection("Payments"));
        builder.Services.AddOptions<PaymentProviderOptions>()
            .Bind(builder.Configuration.GetSection(PaymentProviderOptions.Section))
            .PostConfigure(o =>
            {
                o.BaseUrl = string.IsNullOrEmpty(o.BaseUrl) ? ownUrl : o.BaseUrl;
                o.CallbackBaseUrl = string.IsNullOrEmpty(o.CallbackBaseUrl) ? ownUrl : o.CallbackBaseUrl;
                o.ReturnUrl = string.IsNullOrEmpty(o.ReturnUrl) ? ownUrl + "/payments/{paymentId}/return" : o.ReturnUrl;
                if (sandbox.Enabled && string.IsNullOrEmpty(o.ApiKey) && string.IsNullOrEmpty(o.WebhookSecret))
                {
                    o.ApiKey = sandbox.ApiKey;
                    o.WebhookSecret = sandbox.WebhookSecret;
                }
            })
            .Validate(o => o.WebhookTolerance > TimeSpan.Zero && o.WebhookTolerance <= PaymentProviderOptions.MaxWebhookTolerance,
                "Payments:Provider:WebhookTolerance must be positive and at most 5 minutes.")
            .Validate(o => !string.IsNullOrEmpty(o.WebhookSecret), "Payments:Provider:WebhookSecret is required when the sandbox is off.")
            .ValidateOnStart();

        builder.Services.AddSingleton<IPaymentProvider, ProviderClient>();
        builder.Services.AddHttpClient(ProviderClient.ClientName, (services, client) =>
        {
            var baseUrl = services.GetRequiredService<IOptions<PaymentProviderOptions>>().Value.BaseUrl;
            client.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
            client.Timeout = TimeSpan.FromSeconds(15);
        });
        builder.Services.ConfigureMarten(o => o.Schema.For<ProcessedProviderEvent>());
        builder.Services.AddSingleton<ProviderWebhookVerifier>();
        builder.Services.AddScoped<Application.Reconciliation.IReconciliationPaymentLookup, Application.Reconciliation.ReconciliationPaymentLookup>();
        builder.Services.AddHostedService<PaymentRecheckScheduler>();
    }
}
