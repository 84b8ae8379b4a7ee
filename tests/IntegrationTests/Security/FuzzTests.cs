using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Staff;
using MyGovernment.IntegrationTests.Catalog;
using MyGovernment.IntegrationTests.Support;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>Runs alone: "no event appended" is checked on new streams too, which other tests would create meanwhile.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class Alone;

/// <summary>
/// A few thousand malformed and mutated bodies to every write route, each with a token of a role allowed there:
/// never a 5xx, and a refused request (4xx) appends no event to the streams it targets or to any new stream.
/// The seed is fixed so a failure replays; set FUZZ_SEED to explore others.
/// </summary>
[Collection(typeof(Alone))]
public sealed class FuzzTests(AppFixture app)
{
    private const int PerRoute = 80;

    [Fact]
    public async Task Malformed_bodies_on_every_write_route_are_refused_without_a_5xx_or_an_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20_260_401;
        var random = new Random(seed);
        var world = await SecurityWorld.PrepareAsync(app);
        var admin = world.Tokens[Roles.Admin]!;
        var serviceCode = await app.PublishedPaidService(admin);
        var department = CatalogAdmin.NewCode("FZ");
        await app.Post(admin, "/api/admin/departments", new { code = department, nameAr = "دائرة", nameEn = "Fuzz directorate" }, 201);
        Guid[] watched = [world.Request.Id, CatalogIds.Service(serviceCode), DepartmentRoster.StreamId(department), CatalogIds.Department(department)];

        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync(ct);
        var start = await ScalarAsync<DateTime>(db, "select now()", ct);
        using var client = world.Client();
        var routes = Route.All(app).Where(r => r.IsWrite).ToList();
        routes.Count.ShouldBeGreaterThan(20);
        var failures = new List<string>();
        var sent = 0;
        var (last, _) = await AppendedSinceAsync(db, 0, watched, start, ct);

        foreach (var route in routes)
        {
            var token = TokenFor(route, world);
            for (var i = 0; i < PerRoute; i++)
            {
                var parameters = new Dictionary<string, string>
                {
                    ["id"] = world.Request.Id.ToString(),
                    ["informationRequestId"] = Guid.NewGuid().ToString(),
                    ["code"] = route.Pattern.StartsWith("/api/departments/", StringComparison.Ordinal) ? department : serviceCode,
                    ["date"] = i % 4 == 0 ? Strings.Next(random) : $"2099-01-{1 + (i % 28):D2}",
                    ["action"] = new[] { "pay", "decline", "cancel", "bogus" }[i % 4],
                    ["file"] = "2099-01-01.csv",
                    ["documentCode"] = "ID-COPY",
                    ["deliveryId"] = Guid.NewGuid().ToString(),
                };
                var body = route.Method == "DELETE" ? null : Mutate(Template(route.Pattern, world, serviceCode), random);
                using var message = SecurityWorld.Message(route.Method, route.Url(parameters), token,
                    body is null ? null : new StringContent(body, Encoding.UTF8, random.Next(20) == 0 ? "text/plain" : "application/json"));
                using var response = await client.SendAsync(message, ct);
                sent++;
                var status = (int)response.StatusCode;
                (last, var appended) = await AppendedSinceAsync(db, last, watched, start, ct);
                if (status >= 500)
                {
                    failures.Add($"{route} -> {status} for body {Shorten(body)}");
                }
                else if (status >= 400 && appended > 0)
                {
                    failures.Add($"{route} -> {status} but {appended} event(s) appended, body {Shorten(body)}");
                }
            }
        }
        sent.ShouldBeGreaterThanOrEqualTo(2000);
        failures.ShouldBeEmpty($"seed {seed}");
    }

    private static string TokenFor(Route route, SecurityWorld world) =>
        route.Roles.Count == 0 ? world.Tokens[Roles.Citizen]! : world.Tokens[route.Roles.Contains(Roles.Admin) ? Roles.Admin : route.Roles[0]]!;

    /// <summary>A body the route would accept, to be mutated; versions are the request's current one so mutations reach the domain.</summary>
    private static JsonNode Template(string pattern, SecurityWorld world, string serviceCode) => pattern switch
    {
        "/api/service-requests" => Node(new { serviceCode = "BUILDING-PERMIT", form = new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240" } }),
        "/api/assisted/service-requests" => Node(new { applicantNationalId = Citizens.NewNationalId(), serviceCode = "BUILDING-PERMIT", form = new { basinNumber = "7" } }),
        "/api/admin/services" => Node(CatalogAdmin.Definition(CatalogAdmin.NewCode("FZ"))),
        "/api/admin/services/{code}/fee-schedules" => Node(CatalogAdmin.Fees(CatalogAdmin.Today.AddDays(400), 10m, 2.5m)),
        "/api/admin/departments" => Node(new { code = CatalogAdmin.NewCode("FZ"), nameAr = "دائرة", nameEn = "Directorate" }),
        "/api/admin/calendar/holidays" => Node(new { date = "2099-02-01", nameAr = "عطلة", nameEn = "Holiday" }),
        "/api/departments/{code}/officers" => Node(new { officerId = "fuzz-officer", nationalId = Citizens.NewNationalId(), role = "clerk" }),
        "/dev/tokens" => Node(new { subject = "fuzz", role = "admin" }),
        _ => Node(new
        {
            expectedVersion = world.Request.Version, note = "note", reason = "reason", grounds = "grounds", opinion = "opinion", message = "message",
            outcome = "Reject", reasonCode = "other", officerId = "officer-none", toDepartment = SecurityWorld.ForeignDepartment,
            paymentReference = "PAY-FUZZ", amount = 1m, currency = "ILS",
            documents = new[] { new { documentType = "ID", fileName = "id.pdf", contentType = "application/pdf", sizeBytes = 10, sha256 = new string('a', 64) } },
        }),
    };

    private static JsonNode Node(object value) => JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!;

    private static string Mutate(JsonNode template, Random random)
    {
        var json = template.ToJsonString();
        return random.Next(12) switch
        {
            0 => json[..random.Next(json.Length)],
            1 => new string('[', 5_000) + new string(']', 5_000),
            2 => Nest(random.Next(30, 300)),
            3 => random.Next(5) switch { 0 => "null", 1 => "", 2 => "[]", 3 => "\"text\"", _ => "12" },
            4 => "[" + json + "]",
            5 => "<xml/>",
            _ => MutateFields(template.DeepClone(), random).ToJsonString(),
        };
    }

    private static string Nest(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>Replaces, removes or adds a few fields, at any depth, with values of the wrong type or size.</summary>
    private static JsonNode MutateFields(JsonNode node, Random random)
    {
        var objects = Descendants(node).OfType<JsonObject>().ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var target = objects[random.Next(objects.Count)];
            var keys = target.Select(p => p.Key).ToList();
            var key = keys.Count > 0 && random.Next(5) > 0 ? keys[random.Next(keys.Count)] : "extra" + random.Next(100);
            if (random.Next(8) == 0)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = Values.Next(random);
            }
        }
        return node;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => [o, .. o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants)],
        JsonArray a => [a, .. a.OfType<JsonNode>().SelectMany(Descendants)],
        _ => [node],
    };

    private static class Values
    {
        public static JsonNode? Next(Random random) => random.Next(14) switch
        {
            0 => null,
            1 => JsonValue.Create(Strings.Next(random)),
            2 => JsonValue.Create(decimal.MaxValue),
            3 => JsonNode.Parse("1e308"),
            4 => JsonNode.Parse("123456789012345678901234567890"),
            5 => JsonValue.Create(-1),
            6 => JsonValue.Create(long.MinValue),
            7 => JsonValue.Create(true),
            8 => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1), null),
            9 => new JsonObject { ["nested"] = JsonValue.Create(Strings.Next(random)) },
            10 => JsonValue.Create(1.5),
            11 => JsonValue.Create(""),
            12 => JsonValue.Create(new string('x', 100_000)),
            _ => JsonValue.Create(Guid.Empty),
        };
    }

    private static class Strings
    {
        private static readonly string[] Nasty =
        [
            "", " ", "\u0000", "\ud800", "👩‍👩‍👧‍👦", "مرحبا بالعالم", "\u202Eevil", "'; drop table mt_events; --", "../../etc/passwd", "%00", "{id}",
            "9999-99-99", "0001-01-01", "2099-02-30", "NaN", "-0", "null", "\\", "<script>", new string('é', 5_000),
        ];

        public static string Next(Random random) => Nasty[random.Next(Nasty.Length)];
    }

    /// <summary>The newest sequence number, and how many events since <paramref name="seq"/> went to a watched or a new stream.</summary>
    private static async Task<(long Last, long Appended)> AppendedSinceAsync(NpgsqlConnection db, long seq, Guid[] watched, DateTime start, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select coalesce(max(seq_id), @seq), count(*) filter (where stream_id = any(@watched) " +
            "or stream_id in (select id from mygov.mt_streams where created >= @start)) from mygov.mt_events where seq_id > @seq", db);
        command.Parameters.AddWithValue("seq", seq);
        command.Parameters.AddWithValue("watched", watched);
        command.Parameters.AddWithValue("start", start);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection db, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    private static string Shorten(string? body) => body is null ? "(none)" : body.Length > 200 ? body[..200] + "…" : body;
}
