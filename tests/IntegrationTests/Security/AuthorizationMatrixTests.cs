using System.Net.Http.Json;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// Every route the host serves, for every role of DESIGN §4, against authorization-matrix.csv. Bodies are well-formed
/// but carry a stale expected version, so a permitted command is stopped (409) before it changes anything, while
/// a foreign request is refused (404) before its version is even compared: the test can run beside the others.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture app)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static SecurityWorld? _world;

    private static readonly object Body = new
    {
        expectedVersion = 999_999,
        note = "note", reason = "reason", grounds = "grounds", opinion = "opinion", message = "message",
        outcome = "Approve", officerId = "officer-none", toDepartment = SecurityWorld.ForeignDepartment,
        paymentReference = "PAY-MATRIX", amount = 1m, currency = "ILS", role = "clerk",
        documentCode = "MATRIX-DOC", verificationCode = "MATRIXMATRIXMATR",
    };

    public static IReadOnlyList<MatrixRow> Matrix { get; } = MatrixRow.Load(Path.Combine(AppContext.BaseDirectory, "Security", "authorization-matrix.csv"));

    [Fact]
    public void Every_route_has_exactly_one_row_and_every_row_a_route()
    {
        var served = Route.All(app).Select(r => r.ToString()).ToHashSet();
        var listed = Matrix.Select(r => $"{r.Method} {r.Route}").ToList();
        listed.Count.ShouldBe(listed.Distinct().Count(), "duplicate rows in the matrix");
        served.Except(listed).ShouldBeEmpty("routes the host serves that the matrix does not list (add a row)");
        listed.Except(served).ShouldBeEmpty("matrix rows for routes the host does not serve (remove the row)");
    }

    [Fact]
    public async Task Every_role_gets_the_outcome_the_matrix_names_on_every_route_and_never_a_5xx()
    {
        var world = await WorldAsync();
        using var client = world.Client();
        var failures = new List<string>();
        foreach (var row in Matrix)
        {
            var url = new Route(row.Method, row.Route, []).Url(Parameters(world, row.Route));
            foreach (var (role, expected) in row.Expected)
            {
                var status = await SendAsync(client, row.Method, url, world.Tokens[role]);
                if (!Meets(expected, status, own: true))
                {
                    failures.Add($"{row.Method} {row.Route} as {role}: expected {expected}, got {status}");
                }
                if (expected == "own" && world.Foreign.TryGetValue(role, out var foreign))
                {
                    var foreignStatus = await SendAsync(client, row.Method, url, foreign);
                    if (!Meets(expected, foreignStatus, own: false))
                    {
                        failures.Add($"{row.Method} {row.Route} as another {role}: expected 404, got {foreignStatus}");
                    }
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    private static bool Meets(string expected, int status, bool own) => status < 500 && (expected, own) switch
    {
        ("allow", _) => status is not (401 or 403),
        ("own", true) => status is not (401 or 403 or 404),
        ("own", false) => status == 404,
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture) == expected,
    };

    private static async Task<int> SendAsync(HttpClient client, string method, string url, string? token)
    {
        using var message = SecurityWorld.Message(method, url, token, method is "POST" or "PUT" ? JsonContent.Create(Body) : null);
        using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>Real objects where ownership matters; codes that exist nowhere where a write could otherwise touch shared catalog data.</summary>
    private static Dictionary<string, string> Parameters(SecurityWorld world, string route) => new()
    {
        ["id"] = (route.StartsWith("/api/payments/{id}", StringComparison.Ordinal) || route.StartsWith("/api/receipts/{id}", StringComparison.Ordinal)
            ? world.PaymentId : world.Request.Id).ToString(),
        ["informationRequestId"] = Guid.NewGuid().ToString(),
        ["code"] = route.StartsWith("/api/departments/", StringComparison.Ordinal) ? SecurityWorld.Department : "MATRIX-NONE",
        ["date"] = "2099-13-45",
        ["documentName"] = "v1",
        ["action"] = "cancel",
        ["file"] = "2099-01-01.csv",
        ["name"] = "after-hours-decisions",
        ["sha256"] = world.DocumentSha256,
        ["documentCode"] = "MATRIX-DOC",
        ["deliveryId"] = Guid.NewGuid().ToString(),
    };

    private async Task<SecurityWorld> WorldAsync()
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _world ??= await (await SecurityWorld.PrepareAsync(app)).WithDocumentAsync();
        }
        finally
        {
            Gate.Release();
        }
    }
}

public sealed record MatrixRow(string Method, string Route, IReadOnlyList<(string Role, string Expected)> Expected)
{
    private static readonly string[] Outcomes = ["allow", "own", "401", "403", "404"];

    public static IReadOnlyList<MatrixRow> Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var header = lines[0].Split(',');
        header[2..].ShouldBe(SecurityWorld.Columns, "matrix columns");
        return [.. lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            cells.Length.ShouldBe(header.Length, line);
            cells[2..].ShouldAllBe(c => Outcomes.Contains(c), line);
            return new MatrixRow(cells[0], cells[1], [.. header[2..].Zip(cells[2..])]);
        })];
    }
}
