using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Hosting;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// The limiter's partitions, on a tiny host with tiny limits (the shared fixture has generous ones): a subject is
/// limited wherever it calls from, an address whoever calls from it, and the refusal is a 429 problem with Retry-After.
/// </summary>
public sealed class RateLimitingTests : IAsyncDisposable
{
    private readonly WebApplication _app;

    public RateLimitingTests()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["RateLimiting:PermitsPerMinute"] = "2";
        builder.Configuration["RateLimiting:PermitsPerAddressPerMinute"] = "4";
        builder.Services.AddProblemDetails();
        builder.AddMyGovernmentRateLimiting();
        _app = builder.Build();
        // Stands in for authentication and the client's address, which the real host takes from the token and the connection.
        _app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-Test-Subject", out var subject))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", subject.ToString())], "test"));
            }
            context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Address"].FirstOrDefault() ?? "10.0.0.1");
            return next(context);
        });
        _app.UseMyGovernmentRateLimiting();
        _app.MapGet("/ping", () => "pong");
        _app.MapGet("/health/live", () => "ok");
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_subject_over_its_limit_gets_429_with_retry_after_from_any_address()
    {
        (await Ping("alice", "10.0.0.1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Ping("alice", "10.0.0.2")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var limited = await Ping("alice", "10.0.0.3");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(429);
        problem.RootElement.GetProperty("code").GetString().ShouldBe("rate_limited");

        // Another subject from the same address is not affected by alice's partition.
        (await Ping("bob", "10.0.0.3")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_address_over_its_limit_gets_429_whoever_calls_from_it_but_health_probes_pass()
    {
        for (var i = 0; i < 4; i++)
        {
            (await Ping(i % 2 == 0 ? null : "subject-" + i, "10.0.0.9")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await Ping(null, "10.0.0.9")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Ping("carol", "10.0.0.9")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await Ping(null, "10.0.0.10")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Ping(null, "10.0.0.9", "/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> Ping(string? subject, string address, string path = "/ping")
    {
        var client = _app.GetTestClient();
        using var message = new HttpRequestMessage(HttpMethod.Get, path);
        if (subject is not null)
        {
            message.Headers.Add("X-Test-Subject", subject);
        }
        message.Headers.Add("X-Test-Address", address);
        return await client.SendAsync(message, TestContext.Current.CancellationToken);
    }
}
