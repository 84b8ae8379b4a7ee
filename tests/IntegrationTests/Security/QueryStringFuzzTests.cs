using System.Text;
using System.Text.Json.Nodes;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// The query-string and path-parameter counterpart of <see cref="FuzzTests"/>: every GET route the OpenAPI document
/// lists, with hostile values in each of its query and path parameters (out-of-range numbers and dates, crafted
/// keyset cursors, NUL and invalid UTF-8, huge and duplicated values, unknown parameters), sent with a token of a
/// role allowed there. Never a 5xx, and every refusal is problem+json with a <c>code</c>. The seed is fixed so a
/// failure replays; set FUZZ_SEED to explore others.
/// </summary>
public sealed class QueryStringFuzzTests(AppFixture app)
{
    private const int PerRoute = 40;

    [Fact]
    public async Task Hostile_query_strings_and_path_values_on_every_GET_route_are_never_a_5xx()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20_260_402;
        var random = new Random(seed);
        var world = await (await SecurityWorld.PrepareAsync(app)).WithDocumentAsync();
        using var client = world.Client();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", ct))!;
        var routes = Route.All(app).Where(r => r.Method == "GET").ToDictionary(r => r.Pattern);
        var failures = new List<string>();
        var sent = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item?["get"] is not JsonObject operation || !routes.TryGetValue(path, out var route))
            {
                continue;
            }
            var parameters = (operation["parameters"]?.AsArray() ?? []).OfType<JsonObject>()
                .Select(p => (Name: (string)p["name"]!, In: (string)p["in"]!)).Where(p => p.In is "query" or "path").ToList();
            var token = TokenFor(route, world);
            for (var i = 0; i < PerRoute; i++)
            {
                var url = new StringBuilder(path);
                foreach (var (name, _) in parameters.Where(p => p.In == "path"))
                {
                    url.Replace("{" + name + "}", random.Next(3) == 0 ? Raw.NextInPath(random) : Valid(name, path, world));
                }
                var query = new List<string>();
                foreach (var (name, _) in parameters.Where(p => p.In == "query"))
                {
                    if (random.Next(3) == 0)
                    {
                        continue;
                    }
                    query.Add(name + "=" + Raw.Next(random));
                    if (random.Next(6) == 0)
                    {
                        query.Add(name + "=" + Raw.Next(random));
                    }
                }
                if (random.Next(8) == 0)
                {
                    query.Add("unknown=" + Raw.Next(random));
                }
                var target = url + (query.Count > 0 ? "?" + string.Join('&', query) : "");
                using var message = SecurityWorld.Message("GET", target, token);
                using var response = await client.SendAsync(message, ct);
                sent++;
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync(ct);
                if (status >= 500)
                {
                    failures.Add($"{target} -> {status}: {Shorten(body)}");
                }
                else if (status >= 400 && status != 404 && (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !body.Contains("\"code\"", StringComparison.Ordinal)))
                {
                    failures.Add($"{target} -> {status} without a problem+json code: {Shorten(body)}");
                }
            }
        }
        sent.ShouldBeGreaterThan(1000);
        failures.ShouldBeEmpty($"seed {seed}");
    }

    private static string TokenFor(Route route, SecurityWorld world) =>
        route.Roles.Count == 0 ? world.Tokens[Roles.Auditor]! : world.Tokens[route.Roles.Contains(Roles.Auditor) ? Roles.Auditor : route.Roles[0]]!;

    /// <summary>A value that reaches the endpoint's own code (an existing object where one is named), so the query values are what is tested.</summary>
    private static string Valid(string name, string path, SecurityWorld world) => name switch
    {
        "id" when path.StartsWith("/api/payments", StringComparison.Ordinal) || path.StartsWith("/api/receipts", StringComparison.Ordinal)
            || path.StartsWith("/api/audit/payments", StringComparison.Ordinal) => world.PaymentId.ToString(),
        "id" => world.Request.Id.ToString(),
        "code" when path.StartsWith("/api/departments", StringComparison.Ordinal) => SecurityWorld.Department,
        "code" when path.StartsWith("/api/documents", StringComparison.Ordinal) => "ABCDEFGH12345678",
        "code" => "BUILDING-PERMIT",
        "name" => "sla-breaches",
        "sha256" => world.DocumentSha256,
        "documentName" => "v1",
        _ => "x",
    };

    /// <summary>Hostile values, already written as they travel in a URL (some deliberately malformed).</summary>
    private static class Raw
    {
        private static readonly string[] Fixed =
        [
            "", "%20", "-1", "0", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775808", "99999999999999999999999",
            "1e10", "1.5", "NaN", "true", "abc", "%00", "a%00b", "%", "%zz", "%ED%A0%80", "%C0%AF", "%E2%80%AE", "%D9%85%D8%B1%D8%AD%D8%A8%D8%A7",
            "0001-01-01", "9999-12-31", "10000-01-01", "-0001-01-01", "2024-02-30", "2024-13-01", "2024-01-01T25:00:00Z",
            "0001-01-01T00:00:00%2B14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00Z",
            "%27%3B%20drop%20table%20mt_events%3B--", "..%2F..%2Fetc%2Fpasswd", "%7Bid%7D", "*", "InReview", "InReview,Issued", "999",
            "-submitted", "at", "csv", "unassigned", "me", "00000000-0000-0000-0000-000000000000",
            Uri.EscapeDataString(new string('x', 3_000)), Uri.EscapeDataString(new string('\u0645', 1_500)),
        ];

        public static string Next(Random random) => random.Next(4) == 0 ? Cursor(random) : Fixed[random.Next(Fixed.Length)];

        /// <summary>Not a NUL: the server's URL decoder refuses one in a path before any of our code runs (the test host throws instead).</summary>
        public static string NextInPath(Random random)
        {
            var value = Next(random);
            return value.Contains("%00", StringComparison.Ordinal) ? "a" : value;
        }

        /// <summary>A keyset cursor crafted by hand: right or wrong order name, ticks at and past the edges, bad ids, bad UTF-8.</summary>
        private static string Cursor(Random random)
        {
            var order = new[] { "-submitted", "submitted", "-changed", "-issued", "issued", "-at", "at", "queue", "", "x" }[random.Next(10)];
            var ticks = new[] { "0", "1", "3155378975999999999", "3155378976000000000", "-1", "99999999999999999999", "" }[random.Next(7)];
            var id = new[] { Guid.NewGuid().ToString("N"), Guid.Empty.ToString("N"), "zz", "" }[random.Next(4)];
            var bytes = random.Next(10) == 0 ? [0xff, 0xfe, 0x7c, 0x31] : Encoding.UTF8.GetBytes($"{order}|{ticks}|{id}");
            return Uri.EscapeDataString(Convert.ToBase64String(bytes));
        }
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
