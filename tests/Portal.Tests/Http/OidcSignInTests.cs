using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MyGovernment.Web.Hosting;
using MyGovernment.Web.SignIn;
using Shouldly;

namespace MyGovernment.Portal.Tests.Http;

/// <summary>
/// The portal as production runs it (no persona picker): signing in, or opening a citizen page, sends the browser to
/// the identity provider with the code flow and a PKCE challenge. No real provider here: its metadata is given.
/// </summary>
public sealed class OidcSignInTests
{
    private const string Authorize = "https://id.example.test/authorize";

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/me/requests")]
    public async Task Signing_in_redirects_to_the_provider_with_the_code_flow_and_a_PKCE_challenge(string path)
    {
        await using var app = await StartProductionPortalAsync();
        using var client = app.GetTestClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe(Authorize);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        query["response_type"].ToString().ShouldBe("code");
        query["code_challenge_method"].ToString().ShouldBe("S256");
        query["code_challenge"].ToString().Length.ShouldBe(43, "a base64url SHA-256 of the verifier");
        query["client_id"].ToString().ShouldBe("mygov-portal");
        query["scope"].ToString().ShouldContain("mygov-api");
        location.ToString().ShouldNotContain("code_verifier", Case.Insensitive, "the verifier stays with the portal");
    }

    private static async Task<WebApplication> StartProductionPortalAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        // Set here, over the browser tests' process-wide variables (which turn the persona picker on).
        builder.Configuration["Portal:DevelopmentSignIn"] = "false";
        builder.Configuration["Portal:ApiBaseUrl"] = "http://127.0.0.1:9";
        builder.Configuration["Portal:Oidc:Authority"] = "https://id.example.test";
        builder.Configuration["Portal:Oidc:ClientId"] = "mygov-portal";
        builder.Configuration["Portal:Oidc:ApiScope"] = "mygov-api";
        builder.Services.AddPortal(builder.Configuration, builder.Environment);
        // The provider's discovery document, as it would have been fetched (the handler asks its configuration manager).
        var discovery = new OpenIdConnectConfiguration
        {
            Issuer = "https://id.example.test",
            AuthorizationEndpoint = Authorize,
            TokenEndpoint = "https://id.example.test/token",
        };
        builder.Services.PostConfigure<OpenIdConnectOptions>(PortalAuth.OidcScheme, o =>
        {
            o.Configuration = discovery;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(discovery);
        });
        var app = builder.Build();
        app.UsePortal();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
