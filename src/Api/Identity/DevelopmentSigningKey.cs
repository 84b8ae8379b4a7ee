using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MyGovernment.Api.Identity;

/// <summary>
/// "Authentication:DevelopmentSigningKey": the development issuer's HMAC key shared by several nodes, so a token
/// minted on one node is accepted by the others and after a restart. Base64 of at least 32 bytes, or "file:PATH"
/// naming a file that holds it. Like the issuer itself it is refused outside Development and Testing: a key in
/// configuration must never be able to sign tokens that production accepts.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string Setting = "Authentication:DevelopmentSigningKey";
    private const string FilePrefix = "file:";

    public static byte[]? Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException(
                $"{Setting} is set in the '{environment.EnvironmentName}' environment. Development tokens exist only in "
                + "Development and Testing; remove the setting and configure Authentication:Authority instead.");
        }
        if (value.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            value = File.ReadAllText(value[FilePrefix.Length..]).Trim();
        }
        var key = Base64OrNull(value.Trim());
        if (key is null || key.Length < 32)
        {
            throw new InvalidOperationException($"{Setting} must be base64 of at least 32 random bytes (e.g. `openssl rand -base64 32`).");
        }
        return key;
    }

    /// <summary>The key id is derived from the key, so every node (and every restart) names it alike without revealing it.</summary>
    public static SymmetricSecurityKey AsSecurityKey(byte[] key) =>
        new(key) { KeyId = "dev-shared-" + Convert.ToHexStringLower(SHA256.HashData(key))[..8] };

    private static byte[]? Base64OrNull(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }
}
