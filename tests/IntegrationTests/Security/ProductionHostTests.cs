using System.Net;
using Alba;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>The API as it would run in Production: no development issuer, ever, and the rate limiter wired in.</summary>
public sealed class ProductionHostTests(AppFixture app)
{
    [Fact]
    public async Task The_development_issuer_stops_a_production_host_at_start_up()
    {
        var failure = await Should.ThrowAsync<Exception>(() => AlbaHost.For<Program>(web => Production(web).UseSetting("Authentication:DevelopmentIssuer", "true")));
        Flatten(failure).ShouldContain(e => e is InvalidOperationException
            && e.Message.Contains("Authentication:DevelopmentIssuer is set in the 'Production' environment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_production_host_has_no_token_endpoint_and_limits_request_rates()
    {
        await using var host = await AlbaHost.For<Program>(web => Production(web)
            .UseSetting("RateLimiting:PermitsPerAddressPerMinute", "3")
            .UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.5"));
        using var client = host.Server.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        // Only the identity provider's asymmetric keys, found through its discovery document over HTTPS.
        host.Services.GetService<DevelopmentTokenIssuer>().ShouldBeNull();
        var jwt = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        jwt.Authority.ShouldBe("https://identity.invalid");
        jwt.RequireHttpsMetadata.ShouldBeTrue();
        jwt.TokenValidationParameters.ValidAlgorithms.ShouldBe([SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256]);
        jwt.TokenValidationParameters.RequireSignedTokens.ShouldBeTrue();
        jwt.TokenValidationParameters.ClockSkew.ShouldBe(TimeSpan.FromSeconds(30));
        jwt.TokenValidationParameters.IssuerSigningKey.ShouldBeNull();

        using (var tokens = await client.PostAsync("/dev/tokens", new StringContent("""{"subject":"x","role":"admin"}""", System.Text.Encoding.UTF8, "application/json"), ct))
        {
            tokens.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await client.GetAsync("/api/departments", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/departments", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var limited = await client.GetAsync("/api/departments", ct);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        // Probes are never limited: a load balancer must see the truth.
        (await client.GetAsync("/health/live", ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Forwarded headers run before the limiter: behind the configured proxy each client has its own allowance...
        for (var i = 0; i < 3; i++)
        {
            (await GetAsync(host, "10.0.0.5", "203.0.113.50")).ShouldBe(200);
        }
        (await GetAsync(host, "10.0.0.5", "203.0.113.50")).ShouldBe(429);
        (await GetAsync(host, "10.0.0.5", "203.0.113.51")).ShouldBe(200);
        // ...while a client connecting directly cannot invent addresses to escape its own.
        for (var i = 0; i < 3; i++)
        {
            (await GetAsync(host, "198.51.100.7", "203.0.113." + (60 + i))).ShouldBe(200);
        }
        (await GetAsync(host, "198.51.100.7", "203.0.113.99")).ShouldBe(429);
    }

    private static async Task<int> GetAsync(IAlbaHost host, string connectionAddress, string forwardedFor)
    {
        var context = await host.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/departments";
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(connectionAddress);
        }, TestContext.Current.CancellationToken);
        return context.Response.StatusCode;
    }

    private IWebHostBuilder Production(IWebHostBuilder web) => web
        .UseEnvironment("Production")
        .UseSetting("ConnectionStrings:Postgres", app.ConnectionString)
        .UseSetting("Authentication:Authority", "https://identity.invalid")
        .UseSetting("Catalog:SeedDemo", "false")
        // It shares the suite's database: a second async daemon there would fight the fixture's over progress rows.
        .UseSetting("Marten:DaemonMode", "Disabled")
        // Production refuses to start without real provider secrets (and the sandbox).
        .UseSetting("Payments:Provider:ApiKey", "production-api-key")
        .UseSetting("Payments:Provider:WebhookSecret", "production-webhook-secret")
        .UseSetting("Payments:Provider:BaseUrl", "https://provider.invalid");

    private static IEnumerable<Exception> Flatten(Exception e) =>
        e is AggregateException a ? a.InnerExceptions.SelectMany(Flatten) : e.InnerException is { } inner ? [e, .. Flatten(inner)] : [e];
}
