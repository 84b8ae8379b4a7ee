using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.IdentityModel.Tokens;
using MyGovernment.Api.Identity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>Authentication:DevelopmentSigningKey: one key for several nodes and restarts, never outside Development and Testing.</summary>
public sealed class DevelopmentSigningKeyTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_token_from_one_issuer_is_valid_for_another_with_the_same_configured_key_and_not_for_a_per_process_key()
    {
        var node1 = new DevelopmentTokenIssuer(DevelopmentSigningKey.Read(Settings(Key), Environment("Testing")));
        // Another node, or the same node after a restart: a new issuer built from the same configuration.
        var node2 = new DevelopmentTokenIssuer(DevelopmentSigningKey.Read(Settings(Key), Environment("Development")));
        var token = node1.Mint("citizen-shared", Roles.Citizen);

        node2.Key.KeyId.ShouldBe(node1.Key.KeyId);
        Validate(token, node2.Key).ShouldBeTrue();
        Validate(token, new DevelopmentTokenIssuer().Key).ShouldBeFalse();
    }

    [Fact]
    public void The_key_can_come_from_a_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Key + "\n");
            DevelopmentSigningKey.Read(Settings("file:" + path), Environment("Testing")).ShouldBe(Convert.FromBase64String(Key));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void A_configured_key_stops_any_other_environment(string environment) =>
        Should.Throw<InvalidOperationException>(() => DevelopmentSigningKey.Read(Settings(Key), Environment(environment)))
            .Message.ShouldContain($"is set in the '{environment}' environment");

    [Fact]
    public void A_short_or_malformed_key_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => DevelopmentSigningKey.Read(Settings(Convert.ToBase64String(new byte[16])), Environment("Testing")));
        Should.Throw<InvalidOperationException>(() => DevelopmentSigningKey.Read(Settings("not base64!"), Environment("Testing")));
        DevelopmentSigningKey.Read(Settings(""), Environment("Production")).ShouldBeNull();
    }

    private static bool Validate(string token, SecurityKey key)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = DevelopmentTokenIssuer.Issuer,
            ValidAudience = DevelopmentTokenIssuer.Audience,
            IssuerSigningKey = key,
        };
        try
        {
            new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
            return true;
        }
        catch (SecurityTokenException)
        {
            return false;
        }
    }

    private static IConfiguration Settings(string key) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DevelopmentSigningKey.Setting] = key }).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
