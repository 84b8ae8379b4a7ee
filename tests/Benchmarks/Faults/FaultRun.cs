using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MyGovernment.LocalPostgres;
using Npgsql;

namespace MyGovernment.Benchmarks.Faults;

/// <summary>
/// Kills the API (kill -9) at random moments under load and restarts it, then stops PostgreSQL immediately under
/// load and starts it again. The load driver logs every acknowledged submission (its Idempotency-Key and request id)
/// and retries unacknowledged ones with the same key; afterwards the event store must hold every acknowledged
/// submission exactly once, projections must converge, the outbox must drain and nothing may be dead-lettered.
/// </summary>
public sealed class FaultRun(string apiDll, int kills, TimeSpan loadTime, int seed)
{
    private readonly ConcurrentDictionary<string, Guid> _acknowledged = new();
    private readonly ConcurrentDictionary<string, int> _pending = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly Random _random = new(seed);
    private volatile string? _token;
    private ApiProcess? _api;

    public async Task<int> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mygov-faults-" + Guid.NewGuid().ToString("N")[..8]);
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { Port = 0, Database = "faults" }, folder, deleteOnStop: true);
        var port = FreePort();
        _api = await ApiProcess.StartAsync(apiDll, cluster.ConnectionString, port);
        using var http = new HttpClient { BaseAddress = _api.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };

        using var stop = new CancellationTokenSource();
        var drivers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => DriveAsync(http, stop.Token))).ToList();

        for (var i = 0; i < kills; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(1500, 3500)));
            Console.WriteLine($"faults: kill -9 the API ({i + 1}/{kills})");
            await _api.KillAsync();
            await Task.Delay(300);
            _api = await ApiProcess.StartAsync(apiDll, cluster.ConnectionString, port);
            _token = null;
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Console.WriteLine("faults: stop PostgreSQL immediately under load");
        await cluster.StopServerAsync(immediate: true);
        var outageStart = _statuses.GetValueOrDefault(503);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await cluster.StartServerAgainAsync();
        var during503 = _statuses.GetValueOrDefault(503) - outageStart;
        await Task.Delay(loadTime);
        await stop.CancelAsync();
        await Task.WhenAll(drivers);

        // Retry what was never acknowledged, with the same key and body, until it is.
        foreach (var key in _pending.Keys.ToList())
        {
            for (var attempt = 0; attempt < 20 && !_acknowledged.ContainsKey(key); attempt++)
            {
                await SubmitAsync(http, key);
            }
        }

        await using var db = NpgsqlDataSource.Create(cluster.ConnectionString);
        var verdict = await VerifyAsync(db);
        Console.WriteLine($"faults: kills {kills}, 503 during the database outage {during503}, statuses {string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"))}");
        Console.WriteLine($"faults: acknowledged {verdict.Acknowledged}, found {verdict.Found}, duplicated {verdict.Duplicated}, lost {verdict.Lost}, " +
            $"never acknowledged {verdict.NeverAcknowledged}, projections converged {verdict.Converged}, outbox drained {verdict.OutboxDrained}, dead letters {verdict.DeadLetters}");
        await _api.DisposeAsync();
        var ok = verdict.Duplicated == 0 && verdict.Lost == 0 && verdict.NeverAcknowledged == 0 && verdict.Converged && verdict.OutboxDrained && verdict.DeadLetters == 0 && during503 > 0;
        Console.WriteLine(ok ? "faults: PASSED" : "faults: FAILED");
        return ok ? 0 : 1;
    }

    private async Task DriveAsync(HttpClient http, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var key = Guid.NewGuid().ToString("N");
            _pending[key] = 0;
            await SubmitAsync(http, key);
        }
    }

    private async Task SubmitAsync(HttpClient http, string key)
    {
        try
        {
            _token ??= await _api!.TokenAsync(http, "fault-citizen", "citizen", null, "123456782");
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/service-requests")
            {
                // The key is also written into the form, so the event store can be searched for each submission.
                Content = JsonContent.Create(new { serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification = "fault-" + key } }),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            message.Headers.Add("Idempotency-Key", key);
            using var response = await http.SendAsync(message);
            _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                _acknowledged[key] = Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
                _pending.TryRemove(key, out _);
            }
            else if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                _token = null; // a restarted API has a new development signing key
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            _statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
            await Task.Delay(50);
        }
    }

    private sealed record Verdict(int Acknowledged, int Found, int Duplicated, int Lost, int NeverAcknowledged, bool Converged, bool OutboxDrained, long DeadLetters);

    private async Task<Verdict> VerifyAsync(NpgsqlDataSource db)
    {
        var submissions = new Dictionary<string, List<Guid>>();
        await using (var command = db.CreateCommand(
            "select data->'form'->>'qualification', stream_id from mygov.mt_events where type = 'service_request_submitted' and data->'form'->>'qualification' like 'fault-%'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = reader.GetString(0)["fault-".Length..];
                (submissions.TryGetValue(key, out var list) ? list : submissions[key] = []).Add(reader.GetGuid(1));
            }
        }
        var duplicated = submissions.Count(s => s.Value.Count > 1);
        var found = _acknowledged.Count(a => submissions.TryGetValue(a.Key, out var streams) && streams.Count == 1 && streams[0] == a.Value);
        var lost = _acknowledged.Count - found;

        var converged = false;
        var clock = Stopwatch.StartNew();
        while (!converged && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            converged = await ScalarAsync(db,
                "select (select coalesce(min(last_seq_id), 0) from mygov.mt_event_progression where name like '%:%') >= (select coalesce(max(seq_id), 0) from mygov.mt_events)::bigint") is true;
            if (!converged)
            {
                await Task.Delay(250);
            }
        }
        // A killed node's envelopes are recovered once the survivors notice it is gone: give that time.
        long outbox;
        clock.Restart();
        do
        {
            outbox = (long)(await ScalarAsync(db, "select count(*) from mygov.wolverine_outgoing_envelopes"))!
                + (long)(await ScalarAsync(db, "select count(*) from mygov.wolverine_incoming_envelopes where status = 'Incoming'"))!;
            if (outbox > 0)
            {
                await Task.Delay(500);
            }
        }
        while (outbox > 0 && clock.Elapsed < TimeSpan.FromSeconds(90));
        await PrintAsync(db, "select 'inbox ' || status || ' owner ' || owner_id || ' ' || message_type || ' attempts ' || attempts || ': ' || count(*) from mygov.wolverine_incoming_envelopes group by status, owner_id, message_type, attempts");
        await PrintAsync(db, "select 'nodes ' || string_agg(node_number::text || case when health_check > now() - interval '30 seconds' then ' alive' else ' gone' end, ', ') from mygov.wolverine_nodes");
        var deadLetters = (long)(await ScalarAsync(db, "select count(*) from mygov.wolverine_dead_letters"))!
            + (long)(await ScalarAsync(db, "select count(*) from mygov.mt_doc_deadletterevent"))!;
        await PrintAsync(db, "select message_type || ': ' || exception_type || ': ' || left(exception_message, 300) from mygov.wolverine_dead_letters");
        await PrintAsync(db, "select left(data::text, 400) from mygov.mt_doc_deadletterevent");
        await PrintAsync(db, "select name || ' at ' || last_seq_id from mygov.mt_event_progression");
        await PrintAsync(db, "select 'high water ' || max(seq_id) || ', events ' || count(*) from mygov.mt_events");
        return new Verdict(_acknowledged.Count, found, duplicated, lost, _pending.Count, converged, outbox == 0, deadLetters);
    }

    private static async Task PrintAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine("faults:   " + reader.GetString(0));
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
