using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace MyGovernment.PaymentsSandbox;

/// <summary>
/// Section "Payments:Sandbox". The sandbox is a stand-in payment provider for development, demos and tests; it
/// refuses to run outside Development and Testing. Keys left empty are generated per process (like the development
/// token issuer's key), so nothing secret needs configuring and nothing from one run works in the next.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Payments:Sandbox";
    public const string ApiKeyHeader = "Sandbox-Api-Key";
    public const string SignatureHeader = "Sandbox-Signature";

    public bool Enabled { get; set; }

    /// <summary>The merchant's API key the sandbox expects on its API (our side sends it).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The secret webhook deliveries are signed with (our side verifies with it).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>The provider's fee on each capture, as a percentage, shown in the settlement file.</summary>
    public decimal FeePercent { get; set; } = 1.5m;

    public static SandboxOptions From(IConfiguration configuration, bool enabled)
    {
        var options = configuration.GetSection(Section).Get<SandboxOptions>() ?? new SandboxOptions();
        options.Enabled = enabled;
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            options.ApiKey = "sk_sandbox_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }
        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            options.WebhookSecret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        }
        return options;
    }
}
