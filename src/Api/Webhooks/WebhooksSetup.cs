using Marten;
using MyGovernment.Application.Webhooks;
using Wolverine.Marten;

namespace MyGovernment.Api.Webhooks;

/// <summary>Client apps' webhooks: options, the sender, the documents and the "webhooks" subscriber of the event streams.</summary>
public static class WebhooksSetup
{
    public static void AddMyGovernmentWebhooks(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Webhooks"));
        // Plain http and loopback receivers are for developers' machines and the tests only.
        builder.Services.PostConfigure<WebhookOptions>(o => o.StrictTargets = !environment.IsDevelopment() && !environment.IsEnvironment("Testing"));
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.ConfigureMarten(opts =>
        {
            opts.Schema.For<ClientApp>().Identity(a => a.Id);
            opts.Schema.For<WebhookSubscription>().Index(s => s.ClientId);
            opts.Schema.For<WebhookDelivery>().Index(d => d.SubscriptionId);
        });
        builder.Services.SubscribeToEvents(new WebhookSubscriber());
    }
}
