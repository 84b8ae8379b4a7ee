using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Errors;

/// <summary>
/// A refused command is answered next to its endpoint (RefusalResponseMiddleware), not by rethrowing the refusal
/// through every middleware to the outer exception handler: the same problem+json, uncached, in fewer throws, and
/// the request's log line keeps its route (the outer handler clears the endpoint, so it read "(no route)").
/// </summary>
public sealed class RefusalResponseTests(AppFixture app)
{
    private static readonly object PermitForm = new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240" };

    [Fact]
    public async Task A_stale_command_is_answered_at_its_endpoint_with_the_usual_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        var finance = app.TokenFor("finance-refusal", Roles.Finance, "TREASURY");
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        // A version no other test sends, so this request's throws are told apart from the shared host's others.
        var stale = permit.Version + 7919;
        var throws = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is StaleVersionException refused && refused.Expected.Version == stale)
            {
                Interlocked.Increment(ref throws);
            }
        }
        var mark = app.Logs.Mark();
        using var client = app.Host.Server.CreateClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{permit.Url}/payments")
        {
            Content = JsonContent.Create(new { paymentReference = "P-REFUSED", amount = 650m, expectedVersion = stale }),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", finance);
        message.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));

        AppDomain.CurrentDomain.FirstChanceException += Count;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, ct);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            response.Headers.ETag.ShouldBeNull();
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            problem.RootElement.GetProperty("code").GetString().ShouldBe("concurrency_conflict");
            problem.RootElement.GetProperty("traceId").GetString()!.ShouldContain(trace);
        }
        // Thrown by the handler and rethrown by each frame between it and the endpoint (13 today); answered by the outer
        // handler it was rethrown by every middleware too (21).
        throws.ShouldBeInRange(1, 15);

        var line = await RequestLineAsync(mark, trace, ct);
        line.ShouldContain("\"Route\":\"/api/service-requests/{id}/payments\"");
        line.ShouldContain("\"Status\":409");
        (await permit.ReadAsync()).Version.ShouldBe(permit.Version);
    }

    private async Task<string> RequestLineAsync(long mark, string trace, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var line = app.Logs.Since(mark).FirstOrDefault(l => l.Contains(trace, StringComparison.Ordinal) && l.Contains("answered", StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the request's log line never came");
            await Task.Delay(20, ct);
        }
    }
}
