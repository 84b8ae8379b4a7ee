using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Hosting;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Operations;
using MyGovernment.IntegrationTests.Support;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.Operations;

/// <summary>
/// Two API nodes on one database of their own (in the suite's cluster): node A in this process, node B a separate
/// process. B accepts payments, whose automatic assignment it owns in the durable inbox, and is killed with SIGKILL
/// while it still holds some; A must finish that work within the promised takeover time, each request assigned once.
/// Both nodes share the development signing key, so A's tokens work on B.
/// </summary>
public sealed class MultiNodeTakeoverTests(AppFixture app)
{
    private const int Burst = 12;
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_killed_nodes_accepted_work_is_finished_by_another_node_within_the_takeover_time_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await CreateDatabaseAsync(ct);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Authentication:DevelopmentIssuer"] = "true",
            ["Authentication:DevelopmentSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Catalog:SeedDemo"] = "true",
            ["Marten:DaemonMode"] = "HotCold",
            ["WarmUp:Enabled"] = "false",
            ["RateLimiting:PermitsPerMinute"] = "1000000",
            ["RateLimiting:PermitsPerAddressPerMinute"] = "1000000",
        };

        // A first, so the demo catalog is seeded once before B starts.
        await using var nodeA = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
        var issuer = nodeA.Services.GetRequiredService<DevelopmentTokenIssuer>();
        var takeover = nodeA.Services.GetRequiredService<ClusterTimings>().TakeoverTime;
        takeover.ShouldBeLessThanOrEqualTo(Promised);
        using var clientA = nodeA.Server.CreateClient();
        var admin = issuer.Mint("admin-nodes", Roles.Admin);
        foreach (var officer in new[] { "nodes-officer-1", "nodes-officer-2", "nodes-officer-3" })
        {
            (await Send(clientA, admin, HttpMethod.Post, "/api/departments/MOI-CIVIL/officers",
                new { officerId = officer, nationalId = Citizens.NewNationalId(), role = "officer" }, ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using var nodeB = await ApiNodeProcess.StartAsync(
            new Dictionary<string, string>(settings) { ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["Logging:LogLevel:Default"] = "Warning" }, ct);
        var finance = issuer.Mint("finance-nodes", Roles.Finance, "TREASURY");

        // Bursts of payments on B until, frozen right after one, B is seen holding accepted assignments not yet done.
        var paid = new List<Guid>();
        long heldByB = 0;
        for (var attempt = 0; attempt < 6 && heldByB == 0; attempt++)
        {
            var requests = new List<(Guid Id, long Version)>();
            for (var i = 0; i < Burst; i++)
            {
                requests.Add(await SubmitAsync(nodeB.Client, issuer, ct));
            }
            var payments = await Task.WhenAll(requests.Select(r => Send(nodeB.Client, finance, HttpMethod.Post, $"/api/service-requests/{r.Id}/payments",
                new { expectedVersion = r.Version, paymentReference = "PAY-" + r.Id, amount = 15m }, ct)));
            nodeB.Freeze();
            payments.Select(r => r.StatusCode).ShouldAllBe(code => code == HttpStatusCode.OK);
            paid.AddRange(requests.Select(r => r.Id));
            heldByB = await WaitingOwnedByOtherNodesAsync(connectionString, nodeA, ct);
            if (heldByB == 0)
            {
                nodeB.Thaw();
            }
        }
        heldByB.ShouldBeGreaterThan(0, "B finished every assignment before it could be frozen in each of 6 bursts: nothing was left to take over");

        nodeB.KillAbruptly();
        var killedAt = DateTime.UtcNow;
        var auditor = issuer.Mint("auditor-nodes", Roles.Auditor);
        var unassigned = paid.ToList();
        while (unassigned.Count > 0 && DateTime.UtcNow - killedAt < Promised + TimeSpan.FromSeconds(20))
        {
            await Task.Delay(200, ct);
            var still = new List<Guid>();
            foreach (var id in unassigned)
            {
                var details = await (await Send(clientA, auditor, HttpMethod.Get, $"/api/service-requests/{id}", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
                if (details.GetProperty("assignedTo").ValueKind != JsonValueKind.String)
                {
                    still.Add(id);
                }
            }
            unassigned = still;
        }
        var finishedAfter = DateTime.UtcNow - killedAt;
        TestContext.Current.SendDiagnosticMessage($"{heldByB} assignments held by the killed node; all finished {finishedAfter.TotalSeconds:0.0} s after the kill.");
        unassigned.ShouldBeEmpty($"{unassigned.Count} of {paid.Count} paid requests were still unassigned {finishedAfter.TotalSeconds:0.0} s after the kill");
        finishedAfter.ShouldBeLessThanOrEqualTo(Promised, $"the killed node's work took {finishedAfter.TotalSeconds:0.0} s to be finished elsewhere");

        // Nothing done twice: exactly one automatic assignment per paid request.
        (await AssignmentsPerRequestAsync(connectionString, paid, ct)).ShouldAllBe(count => count == 1);

        // A now leads and reports nothing left owned by the dead node.
        var status = await (await Send(clientA, admin, HttpMethod.Get, "/api/operations/status", null, ct)).Content.ReadFromJsonAsync<NodeStatusView>(ct);
        status!.InboxOwnedByMissingNodes.ShouldBe(0);
        status.NodeId.ShouldBe(nodeA.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>().Options.UniqueNodeId);
    }

    private async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var name = "mygovernment_nodes_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        return new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<(Guid Id, long Version)> SubmitAsync(HttpClient node, DevelopmentTokenIssuer issuer, CancellationToken ct)
    {
        var citizen = Citizens.NewNationalId();
        // Minted by node A, accepted by node B: the nodes share the development signing key.
        var token = issuer.Mint("citizen-" + citizen, Roles.Citizen, nationalId: citizen);
        var response = await Send(node, token, HttpMethod.Post, "/api/service-requests",
            new { serviceCode = "BIRTH-CERT", form = new { personNationalId = citizen } }, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("requestId").GetGuid();
        var details = await (await Send(node, token, HttpMethod.Get, $"/api/service-requests/{id}", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        return (id, details.GetProperty("version").GetInt64());
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string token, HttpMethod method, string url, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await client.SendAsync(request, ct);
    }

    /// <summary>Durable messages waiting to be handled whose owner is a node other than A (i.e. B, frozen).</summary>
    private static async Task<long> WaitingOwnedByOtherNodesAsync(string connectionString, IAlbaHost nodeA, CancellationToken ct)
    {
        var a = nodeA.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>().DurabilitySettings.AssignedNodeNumber;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var query = new NpgsqlCommand(
            "select count(*) from mygov.wolverine_incoming_envelopes where status = 'Incoming' and owner_id not in (0, @a)", connection);
        query.Parameters.AddWithValue("a", a);
        return (long)(await query.ExecuteScalarAsync(ct))!;
    }

    private static async Task<IReadOnlyList<long>> AssignmentsPerRequestAsync(string connectionString, List<Guid> ids, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var query = new NpgsqlCommand(
            "select count(e.seq_id) from unnest(@ids) as r(id) left join mygov.mt_events e on e.stream_id = r.id and e.type = 'request_assigned' group by r.id",
            connection);
        query.Parameters.AddWithValue("ids", ids.ToArray());
        var counts = new List<long>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add(reader.GetInt64(0));
        }
        counts.Count.ShouldBe(ids.Count);
        return counts;
    }
}
