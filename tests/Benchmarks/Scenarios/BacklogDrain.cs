using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Runtime.Serialization;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>How fast the API works off a backlog of follow-up messages, and what it costs.</summary>
public sealed record DrainResult(int Messages, double Seconds, double AppCpuMsPerMessage, double DbCpuMsPerMessage, string LoadBefore, string LoadAfter)
{
    public double PerSecond => Messages / Seconds;
}

/// <summary>
/// A backlog of automatic-assignment follow-ups in Wolverine's durable inbox, as a burst leaves it when the local
/// queue is over its buffering limit (Wolverine then stores envelopes for any node and its durability agent recovers
/// them page by page) or as a dead node leaves it for the others. The envelopes are copies of a real one the API
/// wrote (a payment queues the request, which sends <c>AutoAssign</c>), each pointed at one of the benchmark's
/// requests; they are inserted unowned, so the API's own recovery picks them up. Each follow-up does the full work
/// (load the stream, roster, workload and cursor; nobody is on the benchmark department's roster, so nothing is
/// appended) and marks its envelope handled.
/// </summary>
public static class BacklogDrain
{
    public static async Task<DrainResult> MeasureAsync(HttpCommands http, NpgsqlDataSource db, CpuMeter meter, IReadOnlyList<Guid> requests, int messages)
    {
        var template = await TemplateAsync(http, db);
        var envelope = EnvelopeSerializer.Deserialize(template.Body);
        var data = ForJobseekerQueue(Encoding.UTF8.GetString(envelope.Data!));
        var templateRequest = template.RequestId.ToString();
        var loadBefore = LoadAverage();
        var before = meter.Take(http.Api.Process);
        var clock = Stopwatch.StartNew();
        await using (var connection = await db.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy mygov.wolverine_incoming_envelopes (id, status, owner_id, attempts, body, message_type, received_at) from stdin (format binary)"))
        {
            for (var i = 0; i < messages; i++)
            {
                envelope.Id = Guid.NewGuid();
                // The jobseeker requests wait at step 0 like the permit did: the same message, another request.
                envelope.Data = Encoding.UTF8.GetBytes(data.Replace(templateRequest, requests[i % requests.Count].ToString(), StringComparison.OrdinalIgnoreCase));
                await copy.StartRowAsync();
                await copy.WriteAsync(envelope.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync("Incoming", NpgsqlDbType.Varchar);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(EnvelopeSerializer.Serialize(envelope), NpgsqlDbType.Bytea);
                await copy.WriteAsync(template.MessageType, NpgsqlDbType.Varchar);
                await copy.WriteAsync(template.ReceivedAt, NpgsqlDbType.Varchar);
            }
            await copy.CompleteAsync();
        }
        var inserted = clock.Elapsed;
        while (await WaitingAsync(db) > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("the backlog did not drain within 10 minutes");
            }
            await Task.Delay(20);
        }
        // From the moment the whole backlog was visible to the API until it was worked off.
        var seconds = (clock.Elapsed - inserted).TotalSeconds;
        var after = meter.Take(http.Api.Process);
        return new DrainResult(messages, seconds, (after.App - before.App).TotalMilliseconds / messages, (after.Db - before.Db).TotalMilliseconds / messages,
            loadBefore, LoadAverage());
    }

    /// <summary>
    /// The permit's follow-up names the permit's department (builds that send one); the requests it is copied for
    /// wait in MOL's queue, so the copy names MOL, as a follow-up sent for them would.
    /// </summary>
    private static string ForJobseekerQueue(string data)
    {
        var message = JsonNode.Parse(data)!.AsObject();
        if (message.Select(p => p.Key).FirstOrDefault(k => k.Equals("department", StringComparison.OrdinalIgnoreCase)) is { } key)
        {
            message[key] = "MOL";
        }
        return message.ToJsonString();
    }

    /// <summary>Submits requests for the follow-ups to point at (jobseeker, queued at step 0 of MOL).</summary>
    public static async Task<List<Guid>> RequestsAsync(HttpCommands http, int count)
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => ids.Add(await http.SubmitAsync(i)));
        return [.. ids];
    }

    private sealed record Versioned(long Version);

    private sealed record Template(Guid RequestId, byte[] Body, string MessageType, string ReceivedAt);

    /// <summary>A real AutoAssign envelope: a building permit's payment queues it at its first step.</summary>
    private static async Task<Template> TemplateAsync(HttpCommands http, NpgsqlDataSource db)
    {
        var finance = await http.Api.TokenAsync(http.Http, "bench-finance", "finance", "TREASURY", "400000027");
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/service-requests")
        {
            Content = JsonContent.Create(new { serviceCode = "BUILDING-PERMIT", form = new { basinNumber = "1", parcelNumber = "2", floors = "1", areaSqm = "90" } }),
        };
        submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", http.CitizenToken(1));
        using var submitted = (await http.Http.SendAsync(submit)).EnsureSuccessStatusCode();
        var id = Guid.Parse(submitted.Headers.Location!.ToString().Split('/')[^1]);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/service-requests/{id}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", http.CitizenToken(1));
        using var details = (await http.Http.SendAsync(read)).EnsureSuccessStatusCode();
        var version = (await details.Content.ReadFromJsonAsync<Versioned>())!.Version;
        using var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/service-requests/{id}/payments")
        {
            Content = JsonContent.Create(new { expectedVersion = version, paymentReference = "PAY-" + id, amount = 650m }),
        };
        pay.Headers.Authorization = new AuthenticationHeaderValue("Bearer", finance);
        (await http.Http.SendAsync(pay)).EnsureSuccessStatusCode();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            // Handled envelopes are kept for a while (Wolverine's KeepAfterMessageHandling): the template is one of them.
            await using var query = db.CreateCommand(
                "select body, message_type, received_at from mygov.wolverine_incoming_envelopes where message_type like '%AutoAssign' and position(@id in body) > 0");
            query.Parameters.AddWithValue("id", Encoding.UTF8.GetBytes(id.ToString()));
            await using var reader = await query.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                return new Template(id, (byte[])reader[0], reader.GetString(1), reader.GetString(2));
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the payment sent no AutoAssign follow-up");
    }

    /// <summary>Waits until the inbox holds no waiting follow-up (what the preparation queued is not measured).</summary>
    public static async Task SettledAsync(NpgsqlDataSource db)
    {
        var deadline = Stopwatch.StartNew();
        while (await WaitingAsync(db) > 0 && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Follow-up work still to do: messages waiting in the inbox, plus the async daemon's shards (projections and the
    /// notification and webhook subscribers, which queue further messages) behind the event store.
    /// </summary>
    public static async Task<long> WaitingAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand(
            "select (select count(*) from mygov.wolverine_incoming_envelopes where status = 'Incoming') " +
            "+ (select count(*) from mygov.mt_event_progression where name like '%:%' " +
            "and last_seq_id < (select coalesce(max(seq_id), 0) from mygov.mt_events))");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
