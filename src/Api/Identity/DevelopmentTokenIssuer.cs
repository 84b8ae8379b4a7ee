using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MyGovernment.Api.Identity;

/// <summary>
/// Mints tokens for development and tests. By default the key exists only in this process's memory, so a token
/// from one run is worthless in the next; several nodes (or a restart) share tokens only when they are given the
/// same Authentication:DevelopmentSigningKey (see DevelopmentSigningKey). Never registered in Production.
/// </summary>
public sealed class DevelopmentTokenIssuer(byte[]? sharedKey = null)
{
    public const string Issuer = "https://dev-issuer.my-government.local";
    public const string Audience = "my-government-api";

    public SymmetricSecurityKey Key { get; } = sharedKey is null
        ? new(RandomNumberGenerator.GetBytes(32)) { KeyId = "dev-" + Guid.NewGuid().ToString("N")[..8] }
        : DevelopmentSigningKey.AsSecurityKey(sharedKey);

    /// <param name="role">Empty for a client app's own token (then <paramref name="clientId"/> is the subject).</param>
    public string Mint(string subject, string role, string? department = null, string? nationalId = null, TimeSpan? lifetime = null, string? clientId = null)
    {
        var claims = new List<Claim> { new(ClaimNames.Subject, subject) };
        if (!string.IsNullOrEmpty(role))
        {
            claims.Add(new(ClaimNames.Role, role));
        }
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            claims.Add(new(ClaimNames.ClientId, clientId));
        }
        if (!string.IsNullOrWhiteSpace(department))
        {
            claims.Add(new(ClaimNames.Department, department));
        }
        if (!string.IsNullOrWhiteSpace(nationalId))
        {
            claims.Add(new(ClaimNames.NationalId, nationalId));
        }
        var now = DateTime.UtcNow;
        var token = new JwtSecurityToken(
            Issuer, Audience, claims, notBefore: now, expires: now.Add(lifetime ?? TimeSpan.FromHours(8)),
            new SigningCredentials(Key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
