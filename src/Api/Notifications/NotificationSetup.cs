using Marten;
using MyGovernment.Application.Notifications;
using MyGovernment.SmsSandbox;
using Wolverine.Marten;

namespace MyGovernment.Api.Notifications;

public static class NotificationSetup
{
    /// <summary>
    /// The notifications subscriber, its channels and, in Development and Testing, the sandbox SMS gateway it talks to
    /// by default (README "Notifications").
    /// </summary>
    public static void AddMyGovernmentNotifications(this WebApplicationBuilder builder)
    {
        builder.AddSmsSandbox();
        var ownUrl = (builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5170").Split(';')[0].TrimEnd('/');
        builder.Services.AddOptions<NotificationOptions>()
            .Bind(builder.Configuration.GetSection(NotificationOptions.Section))
            .PostConfigure<SmsSandboxOptions>((o, sandbox) =>
            {
                if (!sandbox.Enabled)
                {
                    return;
                }
                o.Sms.GatewayUrl ??= ownUrl + "/sms-sandbox/";
                o.Sms.CallbackUrl ??= ownUrl + SmsDeliveryReportEndpoint.Path;
                o.Sms.CallbackSecret ??= sandbox.CallbackSecret;
                if (!o.Email.Enabled)
                {
                    o.Email.PickupDirectory = Path.Combine(Path.GetTempPath(), "mygov-mail");
                }
            });

        builder.Services.AddSingleton<ISmsGateway, HttpSmsGateway>();
        builder.Services.AddHttpClient(HttpSmsGateway.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<IEmailSender, MailKitEmailSender>();
        builder.Services.AddSingleton<SmsReportVerifier>();
        builder.Services.ConfigureMarten(opts =>
        {
            // The creation time as a real column: an index over the JSON ran Marten's mt_immutable_timestamptz, an SQL
            // function PostgreSQL cannot inline, parsed and planned again for every notice written (issue 16).
            opts.Schema.For<Notification>().Index(n => n.RecipientId).Duplicate(n => n.CreatedAt);
            opts.Schema.For<NotificationDelivery>().Index(d => d.NotificationId);
            opts.Schema.For<NotificationDeliveryReport>();
            opts.Schema.For<NotificationPreferences>();
        });
        builder.Services.SubscribeToEventsWithServices<NotificationSubscription>(ServiceLifetime.Singleton);
    }
}
