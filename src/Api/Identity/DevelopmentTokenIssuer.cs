using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MyGovernment.Api.Identity;

/// <summary>
/// Mints tokens for development and tests with a key that exists only in this process's memory, so a token
/// from one run is worthless in the next and no key can leak from configuration. Never registered in Production.
/// </summary>
public sealed class DevelopmentTokenIssuer
{
    public const string Issuer = "https://dev-issuer.my-government.local";
    public const string Audience = "my-government-api";

    public SymmetricSecurityKey Key { get; } = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "dev-" + Guid.NewGuid().ToString("N")[..8] };

    public string Mint(string subject, string role, string? department = null, string? nationalId = null, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new(ClaimNames.Subject, subject), new(ClaimNames.Role, role) };
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
