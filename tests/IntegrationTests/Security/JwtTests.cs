using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>Tokens an attacker or a broken identity provider could send: every one is 401, and nothing is submitted.</summary>
public sealed class JwtTests(AppFixture app)
{
    private static readonly object Permit = new { serviceCode = "BUILDING-PERMIT", form = new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240" } };

    private DevelopmentTokenIssuer Issuer => app.Host.Services.GetRequiredService<DevelopmentTokenIssuer>();

    public static TheoryData<string> Forgeries =>
    [
        "expired", "not-yet-valid", "wrong-issuer", "wrong-audience", "other-hmac-secret", "other-rsa-key", "alg-none",
        "tampered-payload", "missing-sub", "missing-role", "unknown-role", "two-roles", "no-expiry", "garbage",
    ];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_or_invalid_token_is_401_and_submits_nothing(string forgery)
    {
        var nationalId = Citizens.NewNationalId();
        var token = Forge(forgery, nationalId);

        (await SubmitAsync(token)).ShouldBe(HttpStatusCode.Unauthorized);

        await using var session = app.Store.QuerySession();
        (await session.Query<ServiceRequestDetails>().CountAsync(d => d.ApplicantId == nationalId, TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_claims_correctly_signed_are_accepted() =>
        (await SubmitAsync(Token(Claims(Citizens.NewNationalId())))).ShouldBe(HttpStatusCode.Created);

    [Fact]
    public async Task Clock_skew_of_30_seconds_is_tolerated_and_no_more()
    {
        var now = DateTime.UtcNow;
        (await SubmitAsync(Token(Claims(Citizens.NewNationalId()), notBefore: now.AddHours(-1), expires: now.AddSeconds(-10)))).ShouldBe(HttpStatusCode.Created);
        (await SubmitAsync(Token(Claims(Citizens.NewNationalId()), notBefore: now.AddSeconds(10), expires: now.AddHours(1)))).ShouldBe(HttpStatusCode.Created);
        (await SubmitAsync(Token(Claims(Citizens.NewNationalId()), notBefore: now.AddHours(-1), expires: now.AddSeconds(-60)))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private string Forge(string forgery, string nationalId)
    {
        var now = DateTime.UtcNow;
        var claims = Claims(nationalId);
        return forgery switch
        {
            "expired" => Token(claims, notBefore: now.AddHours(-2), expires: now.AddMinutes(-5)),
            "not-yet-valid" => Token(claims, notBefore: now.AddMinutes(2), expires: now.AddHours(1)),
            "wrong-issuer" => Token(claims, issuer: "https://evil.example"),
            "wrong-audience" => Token(claims, audience: "another-api"),
            // Same algorithm and key id as the real key, different secret.
            "other-hmac-secret" => Token(claims, key: new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = Issuer.Key.KeyId }),
            "other-rsa-key" => Token(claims, key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = Issuer.Key.KeyId }, algorithm: SecurityAlgorithms.RsaSha256),
            "alg-none" => Unsigned(claims),
            "tampered-payload" => Tamper(Token(claims)),
            "missing-sub" => Token(claims.Where(c => c.Key != ClaimNames.Subject).ToDictionary()),
            "missing-role" => Token(claims.Where(c => c.Key != ClaimNames.Role).ToDictionary()),
            "unknown-role" => Token(new Dictionary<string, object>(claims) { [ClaimNames.Role] = "superuser" }),
            "two-roles" => Token(new Dictionary<string, object>(claims) { [ClaimNames.Role] = new[] { Roles.Citizen, Roles.Admin } }),
            "no-expiry" => NoExpiry(claims),
            "garbage" => "not.a.token",
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
    }

    private static Dictionary<string, object> Claims(string nationalId) => new()
    {
        [ClaimNames.Subject] = "citizen-jwt-" + Guid.NewGuid().ToString("N")[..8],
        [ClaimNames.Role] = Roles.Citizen,
        [ClaimNames.NationalId] = nationalId,
    };

    private string Token(
        Dictionary<string, object> claims, DateTime? notBefore = null, DateTime? expires = null, string? issuer = null, string? audience = null,
        SecurityKey? key = null, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? DevelopmentTokenIssuer.Issuer,
            Audience = audience ?? DevelopmentTokenIssuer.Audience,
            Claims = claims,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? Issuer.Key, algorithm),
        });
    }

    /// <summary>A correctly signed token that never expires: refused because expiry is required.</summary>
    private string NoExpiry(Dictionary<string, object> claims) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokenIssuer.Issuer,
            Audience = DevelopmentTokenIssuer.Audience,
            Claims = claims,
            SigningCredentials = new SigningCredentials(Issuer.Key, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>Crafted by hand: header {"alg":"none"}, valid claims, empty signature.</summary>
    private static string Unsigned(Dictionary<string, object> claims)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>(claims)
        {
            ["iss"] = DevelopmentTokenIssuer.Issuer,
            ["aud"] = DevelopmentTokenIssuer.Audience,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        return $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(System.Text.Json.JsonSerializer.Serialize(payload))}.";
    }

    /// <summary>The payload changed to claim the admin role, the original signature kept.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"citizen\"", "\"admin\"", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64Url(payload)}.{parts[2]}";
    }

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));

    private async Task<HttpStatusCode> SubmitAsync(string token)
    {
        using var client = app.Host.Server.CreateClient();
        using var message = SecurityWorld.Message("POST", "/api/service-requests", token, JsonContent.Create(Permit));
        using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
