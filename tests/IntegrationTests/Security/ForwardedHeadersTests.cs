using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Hosting;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// The per-address rate limit behind a reverse proxy: X-Forwarded-For names the client only on connections from a
/// configured proxy; without configuration (and from anyone else) the header is ignored, so a client cannot spoof
/// its way into fresh partitions. A tiny host with the API's forwarded-headers and rate-limiter setup, 2 per address.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task Without_configured_proxies_X_Forwarded_For_is_ignored_so_a_client_cannot_escape_its_limit()
    {
        await using var app = await HostAsync();

        (await PingAsync(app, from: Proxy, forwardedFor: "203.0.113.1")).ShouldBe(HttpStatusCode.OK);
        (await PingAsync(app, from: Proxy, forwardedFor: "203.0.113.2")).ShouldBe(HttpStatusCode.OK);
        // A third "client" behind the same connection address: still one partition.
        (await PingAsync(app, from: Proxy, forwardedFor: "203.0.113.3")).ShouldBe(HttpStatusCode.TooManyRequests);
        (await PingAsync(app, from: Proxy, forwardedFor: "127.0.0.1")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Loopback_is_not_trusted_by_default()
    {
        await using var app = await HostAsync();

        (await PingAsync(app, from: "127.0.0.1", forwardedFor: "203.0.113.1")).ShouldBe(HttpStatusCode.OK);
        (await PingAsync(app, from: "127.0.0.1", forwardedFor: "203.0.113.2")).ShouldBe(HttpStatusCode.OK);
        (await PingAsync(app, from: "127.0.0.1", forwardedFor: "203.0.113.3")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Theory]
    [InlineData("KnownProxies:0", Proxy)]
    [InlineData("KnownNetworks:0", "10.0.0.0/24")]
    public async Task Behind_a_known_proxy_each_client_address_has_its_own_limit(string setting, string value)
    {
        await using var app = await HostAsync(("ForwardedHeaders:" + setting, value));

        (await PingAsync(app, from: Proxy, forwardedFor: "203.0.113.1")).ShouldBe(HttpStatusCode.OK);
        (await PingAsync(app, from: Proxy, forwardedFor: "203.0.113.1")).ShouldBe(HttpStatusCode.OK);
        (await PingAsync(app, from: Proxy, forwardedFor: "203.0.113.1")).ShouldBe(HttpStatusCode.TooManyRequests);
        // Another citizen behind the same proxy is not throttled by the first.
        (await PingAsync(app, from: Proxy, forwardedFor: "203.0.113.2")).ShouldBe(HttpStatusCode.OK);
        // Only the hop the proxy appended counts: a client-supplied left part cannot pick a fresh partition.
        (await PingAsync(app, from: Proxy, forwardedFor: "198.51.100.9, 203.0.113.1")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_client_reaching_the_API_directly_cannot_spoof_its_address_even_when_proxies_are_configured()
    {
        await using var app = await HostAsync(("ForwardedHeaders:KnownProxies:0", Proxy));

        (await PingAsync(app, from: "198.51.100.7", forwardedFor: "203.0.113.1")).ShouldBe(HttpStatusCode.OK);
        (await PingAsync(app, from: "198.51.100.7", forwardedFor: "203.0.113.2")).ShouldBe(HttpStatusCode.OK);
        (await PingAsync(app, from: "198.51.100.7", forwardedFor: "203.0.113.3")).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start()
    {
        var failure = await Should.ThrowAsync<InvalidOperationException>(() => HostAsync(("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")));
        failure.Message.ShouldContain("ForwardedHeaders:KnownNetworks");
    }

    [Fact]
    public async Task Behind_a_known_proxy_links_carry_the_public_scheme_and_host_and_nobody_else_can_set_them()
    {
        await using var app = await HostAsync(("ForwardedHeaders:KnownProxies:0", Proxy));

        (await WhereAsync(app, from: Proxy)).ShouldBe("https://portal.gov.ps");
        (await WhereAsync(app, from: "198.51.100.9")).ShouldBe("http://localhost");
    }

    private static async Task<string> WhereAsync(WebApplication app, string from)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/where");
        message.Headers.Add("X-Test-Connection", from);
        message.Headers.Add("X-Forwarded-For", "203.0.113.7");
        message.Headers.Add("X-Forwarded-Proto", "https");
        message.Headers.Add("X-Forwarded-Host", "portal.gov.ps");
        using var response = await app.GetTestClient().SendAsync(message, TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<WebApplication> HostAsync(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["RateLimiting:PermitsPerAddressPerMinute"] = "2";
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.Services.AddProblemDetails();
        builder.AddMyGovernmentRateLimiting();
        var app = builder.Build();
        // Stands in for the TCP connection: the address the request arrived from.
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Connection"].ToString());
            return next(context);
        });
        app.UseMyGovernmentForwardedHeaders();
        app.UseMyGovernmentRateLimiting();
        app.MapGet("/ping", () => "pong");
        app.MapGet("/where", (HttpRequest request) => $"{request.Scheme}://{request.Host}");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<HttpStatusCode> PingAsync(WebApplication app, string from, string forwardedFor)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "/ping");
        message.Headers.Add("X-Test-Connection", from);
        message.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await app.GetTestClient().SendAsync(message, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
