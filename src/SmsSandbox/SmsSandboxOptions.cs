using Microsoft.Extensions.Configuration;

namespace MyGovernment.SmsSandbox;

/// <summary>Configuration section "SmsSandbox".</summary>
public sealed class SmsSandboxOptions
{
    public const string Section = "SmsSandbox";

    public bool Enabled { get; set; }

    /// <summary>The secret the sandbox signs delivery reports with (the engine's Notifications:Sms:CallbackSecret).</summary>
    public string CallbackSecret { get; set; } = "";

    public static SmsSandboxOptions From(IConfiguration configuration, bool enabled) => new()
    {
        Enabled = enabled,
        // Unset: a fresh secret per process, which the engine adopts when it talks to the sandbox (nothing to configure).
        CallbackSecret = configuration[$"{Section}:CallbackSecret"] is { Length: > 0 } secret
            ? secret
            : Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    };
}
