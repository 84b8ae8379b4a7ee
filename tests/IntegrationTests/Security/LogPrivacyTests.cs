using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// The API's real structured log output (the host's JSON console formatter and filters, see CapturedLogs) over a
/// request journey full of secrets and personal data: a minted token, national IDs in the token, the form and the
/// token request, a mother's name, an Idempotency-Key, a card number, a forged bearer token, refusals of every kind.
/// None of it may appear in any log line, and every request has a JSON log line carrying its trace id, the same id
/// its problem+json response names.
/// </summary>
public sealed class LogPrivacyTests(AppFixture app)
{
    [Fact]
    public async Task A_request_journey_logs_correlation_ids_and_no_secrets_tokens_or_personal_data()
    {
        var ct = TestContext.Current.CancellationToken;
        var mark = app.Logs.Mark();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var nationalId = Citizens.NewNationalId();
        var registeredPerson = Citizens.NewNationalId();
        var strangerId = Citizens.NewNationalId();
        var officerId = Citizens.NewNationalId();
        var motherName = "Fatima Odeh " + tag;
        var purpose = "Embassy of Samira Haddad " + tag;
        var idempotencyKey = "key-" + Guid.NewGuid();
        var card = CardNumber();
        var traces = new List<(string Trace, HttpStatusCode Status, string Body)>();
        using var client = app.Host.Server.CreateClient();

        async Task<(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)> SendAsync(
            HttpMethod method, string url, string? token, string? json = null, string? key = null)
        {
            var trace = ActivityTraceId.CreateRandom().ToHexString();
            using var message = new HttpRequestMessage(method, url);
            message.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            if (token is not null)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            if (key is not null)
            {
                message.Headers.Add("Idempotency-Key", key);
            }
            if (json is not null)
            {
                message.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(message, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            traces.Add((trace, response.StatusCode, body));
            return (response.StatusCode, body, response.Headers);
        }

        // A token minted by the development issuer: its request carries the national ID, its response the token.
        var minted = await SendAsync(HttpMethod.Post, "/dev/tokens", null,
            Json(new { subject = "log-citizen-" + tag, role = "citizen", nationalId }));
        minted.Status.ShouldBe(HttpStatusCode.OK);
        var token = JsonDocument.Parse(minted.Body).RootElement.GetProperty("accessToken").GetString()!;

        var submit = Json(new { serviceCode = "NO-CRIMINAL-RECORD", form = new { purpose, motherName } });
        var created = await SendAsync(HttpMethod.Post, "/api/service-requests", token, submit, idempotencyKey);
        created.Status.ShouldBe(HttpStatusCode.Created);
        var requestId = JsonDocument.Parse(created.Body).RootElement.GetProperty("requestId").GetString()!;
        (await SendAsync(HttpMethod.Post, "/api/service-requests", token, submit, idempotencyKey)).Status.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(HttpMethod.Post, "/api/service-requests", token, submit.Replace(tag, tag + "x", StringComparison.Ordinal), idempotencyKey))
            .Status.ShouldBe(HttpStatusCode.UnprocessableEntity);

        // Refusals that echo or touch personal data: a bad national ID in a form, a card number, a forged token.
        (await SendAsync(HttpMethod.Post, "/api/service-requests", token,
            Json(new { serviceCode = "BIRTH-CERT", form = new { personNationalId = registeredPerson[..8] + (char)('0' + ((registeredPerson[8] - '0' + 1) % 10)), purpose } })))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Post, "/api/service-requests", token,
            Json(new { serviceCode = "NO-CRIMINAL-RECORD", form = new { purpose = card, motherName } })))
            .Status.ShouldBe(HttpStatusCode.BadRequest);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        (await SendAsync(HttpMethod.Get, "/api/me/requests", forged)).Status.ShouldBe(HttpStatusCode.Unauthorized);

        // Reads by the applicant, an auditor (recorded in the access log), staff and a citizen who may not see it, and
        // a rule refusal whose body holds personal text (no appeal before a decision).
        var read = await SendAsync(HttpMethod.Get, "/api/service-requests/" + requestId, token);
        read.Status.ShouldBe(HttpStatusCode.OK);
        var version = JsonDocument.Parse(read.Body).RootElement.GetProperty("version").GetInt64();
        var auditor = app.TokenFor("log-auditor-" + tag, Roles.Auditor);
        (await SendAsync(HttpMethod.Get, "/api/service-requests/" + requestId, auditor)).Status.ShouldBe(HttpStatusCode.OK);
        var officer = app.TokenFor("log-officer-" + tag, Roles.Officer, "MOJ", officerId);
        (await SendAsync(HttpMethod.Get, "/api/service-requests/" + requestId, officer)).Status.ShouldBe(HttpStatusCode.NotFound);
        var stranger = app.TokenFor("log-stranger-" + tag, Roles.Citizen, nationalId: strangerId);
        (await SendAsync(HttpMethod.Get, "/api/service-requests/" + requestId, stranger)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Post, $"/api/service-requests/{requestId}/appeal", token, Json(new { expectedVersion = version, grounds = motherName })))
            .Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await SendAsync(HttpMethod.Get, "/api/audit/access-log?citizen=" + nationalId, auditor)).Status.ShouldBe(HttpStatusCode.OK);

        // Every request's line arrives (the middleware logs after the response has started, so poll briefly).
        var lines = await LinesWithAsync(mark, traces.Select(t => t.Trace).ToList(), ct);

        var secrets = new Dictionary<string, string>
        {
            ["national ID"] = nationalId, ["national ID in a form"] = registeredPerson[..8], ["stranger's national ID"] = strangerId,
            ["officer's national ID"] = officerId, ["mother's name"] = motherName, ["form text"] = purpose, ["Idempotency-Key"] = idempotencyKey,
            ["card number"] = card, ["bearer token"] = token, ["token signature"] = token.Split('.')[2], ["token payload"] = token.Split('.')[1],
            ["forged token"] = forged,
        };
        foreach (var line in lines)
        {
            foreach (var (what, value) in secrets)
            {
                line.ShouldNotContain(value, Case.Insensitive, $"a log line holds the {what}: {line}");
            }
            line.ShouldNotContain("Bearer ", Case.Insensitive, line);
        }

        foreach (var (trace, status, body) in traces)
        {
            var own = lines.Where(l => l.Contains(trace, StringComparison.Ordinal)).ToList();
            own.ShouldNotBeEmpty($"no log line carries the trace id of a request answered {status}");
            using var json = JsonDocument.Parse(own[0]);
            var root = json.RootElement;
            root.GetProperty("LogLevel").GetString().ShouldNotBeNullOrEmpty();
            root.GetProperty("Category").GetString().ShouldNotBeNullOrEmpty();
            root.GetProperty("Scopes").EnumerateArray().Any(s => CarriesTrace(s, trace))
                .ShouldBeTrue($"the line has no scope with the trace and span ids: {own[0]}");
            if ((int)status >= 400 && body.Length > 0)
            {
                // The problem the client holds names the same trace: support can find the log lines from it.
                JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString()!.ShouldContain(trace);
            }
        }
        // The request line names the route pattern, never the raw path with its ids or query.
        lines.ShouldContain(l => l.Contains("\"Route\":\"/api/service-requests/{id}\"", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.Contains("?citizen=", StringComparison.Ordinal));
    }

    private static bool CarriesTrace(JsonElement scope, string trace) =>
        scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out var id) && id.GetString() == trace
        && scope.TryGetProperty("SpanId", out var span) && span.GetString()!.Length == 16;

    private static string Json(object body) => JsonSerializer.Serialize(body);

    private async Task<IReadOnlyList<string>> LinesWithAsync(long mark, IReadOnlyList<string> traces, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var lines = app.Logs.Since(mark);
            if (traces.All(t => lines.Any(l => l.Contains(t, StringComparison.Ordinal))) || DateTime.UtcNow > deadline)
            {
                return lines;
            }
            await Task.Delay(20, ct);
        }
    }

    /// <summary>A fresh Luhn-valid 16-digit number, so no other test's log line can contain it.</summary>
    private static string CardNumber()
    {
        var digits = "5" + string.Concat(Enumerable.Range(0, 14).Select(_ => (char)('0' + Random.Shared.Next(10))));
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // From the right, the check digit (to come) is position 1, so the last digit here is doubled.
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return digits + (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
