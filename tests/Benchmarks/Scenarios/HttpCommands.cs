using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>
/// The full path: HTTP on loopback Kestrel, bearer token validation, an Idempotency-Key, validation, the decision,
/// the Marten append with its inline projection, and the Wolverine outbox, exactly as a client app uses it.
/// </summary>
public sealed class HttpCommands(ApiProcess api, HttpClient http, string[] citizenTokens, string officerToken)
{
    public const int MaxClients = 64;

    /// <summary>One citizen per client, as in real traffic (one citizen's repeated requests would all be duplicates).</summary>
    public static async Task<HttpCommands> CreateAsync(ApiProcess api)
    {
        // Enough connections that the open loop is never paced by the client: a request waits only in the API.
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 2048, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var http = new HttpClient(handler) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var citizens = new string[MaxClients];
        for (var i = 0; i < MaxClients; i++)
        {
            var nationalId = MyGovernment.Domain.Common.NationalId.WithCheckDigit((70_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            citizens[i] = await api.TokenAsync(http, "bench-citizen-" + i, "citizen", null, nationalId);
        }
        var officer = await api.TokenAsync(http, "bench-officer", "officer", "MOL", "400000019");
        return new HttpCommands(api, http, citizens, officer);
    }

    public ApiProcess Api => api;

    public async Task<Guid> SubmitAsync(int client)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/service-requests")
        {
            Content = JsonContent.Create(new { serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification = "BSc Nursing" } }),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", citizenTokens[client % MaxClients]);
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(message);
        response.EnsureSuccessStatusCode();
        return Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
    }

    public async Task<long> ClaimAsync(Guid id, long expectedVersion) => await CommandAsync(id, "claim", new { expectedVersion });

    /// <summary>Approving a step: the assignee decides (the jobseeker service needs no second approver).</summary>
    public async Task<long> ApproveAsync(Guid id, long expectedVersion) =>
        await CommandAsync(id, "decision/propose", new { expectedVersion, outcome = "Approve", note = "Meets the criteria" });

    /// <summary>
    /// A decision sent with a stale version: the API reads the request, refuses it (409 with its problem) and changes
    /// nothing, so the same request can be refused again and again, as a client retrying blindly or a flood would.
    /// </summary>
    public async Task RefusedApproveAsync(Guid id, long staleVersion)
    {
        using var response = await SendOfficerAsync(id, "decision/propose", new { expectedVersion = staleVersion, outcome = "Approve", note = "Meets the criteria" });
        if (response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new HttpRequestException($"expected 409 for a stale version, got {(int)response.StatusCode}");
        }
    }

    private async Task<long> CommandAsync(Guid id, string action, object body)
    {
        using var response = await SendOfficerAsync(id, action, body);
        response.EnsureSuccessStatusCode();
        var changed = await response.Content.ReadFromJsonAsync<Changed>();
        return changed!.Version;
    }

    /// <summary>A command on a request, as the officer, with a fresh Idempotency-Key.</summary>
    private async Task<HttpResponseMessage> SendOfficerAsync(Guid id, string action, object body)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/service-requests/{id}/{action}") { Content = JsonContent.Create(body) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officerToken);
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return await http.SendAsync(message);
    }

    /// <summary>Requests submitted and claimed by the officer (16 at a time), ready to be approved, with their versions.</summary>
    public async Task<System.Collections.Concurrent.ConcurrentQueue<(Guid Id, long Version)>> PrepareClaimedAsync(int size)
    {
        var pool = new System.Collections.Concurrent.ConcurrentQueue<(Guid, long)>();
        await Parallel.ForAsync(0, size, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => pool.Enqueue(await SubmitClaimedAsync(i)));
        return pool;
    }

    /// <summary>A new request submitted by the given client's citizen and claimed by the officer: its id and version.</summary>
    public async Task<(Guid Id, long Version)> SubmitClaimedAsync(int client)
    {
        var id = await SubmitAsync(client);
        return (id, await ClaimFromAnyVersionAsync(id));
    }

    /// <summary>
    /// A jobseeker request is at version 4 after its submission (submitted, queued, SLA clock, assigned in the same
    /// transaction), 3 when nobody could be assigned, 5 with a duplicate flag: the usual one first, so that preparing
    /// a pool does not cost a refused claim per request.
    /// </summary>
    private async Task<long> ClaimFromAnyVersionAsync(Guid id)
    {
        foreach (var expected in new long[] { 4, 3, 5 })
        {
            try
            {
                return await ClaimAsync(id, expected);
            }
            catch (HttpRequestException)
            {
            }
        }
        throw new InvalidOperationException($"could not claim {id}");
    }

    public HttpClient Http => http;

    public string CitizenToken(int client) => citizenTokens[client % MaxClients];

    public string OfficerToken => officerToken;

    private sealed record Changed(Guid RequestId, long Version, string Status);
}
