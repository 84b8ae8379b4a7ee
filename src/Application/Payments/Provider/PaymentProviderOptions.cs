namespace MyGovernment.Application.Payments.Provider;

/// <summary>
/// Section "Payments:Provider": where our payment provider is and the secrets we share with it. With the sandbox on
/// and nothing configured, the provider is the sandbox in this same process and its generated keys are used.
/// </summary>
public sealed class PaymentProviderOptions
{
    public const string Section = "Payments:Provider";

    /// <summary>The provider's API base address. Default: this API's own URL (the sandbox).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Our public base address, for the webhook callback URL the provider calls. Default: this API's own URL.</summary>
    public string CallbackBaseUrl { get; set; } = "";

    /// <summary>Where the provider sends the citizen's browser back to after paying (the portal's page); {paymentId} is replaced.</summary>
    public string ReturnUrl { get; set; } = "";

    public string ApiKey { get; set; } = "";

    public string WebhookSecret { get; set; } = "";

    /// <summary>How far a webhook's signed timestamp may be from our clock. At most five minutes (checked at start-up).</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxWebhookTolerance = TimeSpan.FromMinutes(5);
}
