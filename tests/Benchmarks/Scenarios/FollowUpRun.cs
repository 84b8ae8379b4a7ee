using System.Globalization;
using MyGovernment.LocalPostgres;
using Npgsql;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>
/// <c>drain</c>: the follow-up backlog (<see cref="BacklogDrain"/>) and the statements of a submission and of an approval
/// (pg_stat_statements), side by side in one run on one throwaway PostgreSQL, for the API with Wolverine's default
/// queue settings, the API as configured, and optionally an older build (<c>--before dll</c>).
/// </summary>
public static class FollowUpRun
{
    private static readonly Dictionary<string, string> WolverineDefaults = new()
    {
        ["FollowUps__Parallelism"] = "5", ["FollowUps__RecoveryBatchSize"] = "100", ["FollowUps__BufferMaximum"] = "1000",
    };

    public static async Task<int> RunAsync(string apiDll, string? beforeDll, int messages, int submissions)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mygov-drain-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new LocalPostgresOptions { Port = 0, Database = "drain", ServerSettings = ["shared_preload_libraries = 'pg_stat_statements'", "pg_stat_statements.track = all"] };
        await using var cluster = await LocalPostgresCluster.StartAsync(options, folder, deleteOnStop: true);
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { MaxPoolSize = 100 }.ConnectionString;
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using (var create = db.CreateCommand("create extension if not exists pg_stat_statements"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var meter = new CpuMeter(folder);
        var runs = new List<(string Label, string Dll, Dictionary<string, string> Settings)>();
        if (beforeDll is not null)
        {
            runs.Add(("older build", beforeDll, []));
        }
        // --messages 0: the statement tables alone, without the backlog drains (a quicker A/B of two builds).
        if (messages > 0)
        {
            runs.Add(("this build, Wolverine's default queue settings", apiDll, WolverineDefaults));
        }
        runs.Add(("this build as configured", apiDll, []));

        foreach (var (label, dll, settings) in runs)
        {
            await using var api = await ApiProcess.StartAsync(dll, connectionString, FreePort(), settings);
            var http = await HttpCommands.CreateAsync(api);
            var requests = await BacklogDrain.RequestsAsync(http, 500);
            await BacklogDrain.SettledAsync(db);
            if (messages > 0)
            {
                var drain = await BacklogDrain.MeasureAsync(http, db, meter, requests, messages);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"drain [{label}]: {drain.Messages:N0} follow-ups in {drain.Seconds:0.0} s = {drain.PerSecond:N0}/s, cpu/message app {drain.AppCpuMsPerMessage:0.00} ms db {drain.DbCpuMsPerMessage:0.00} ms, load {drain.LoadBefore} -> {drain.LoadAfter}"));
                if (settings.Count == 0 && dll == apiDll && messages == 10_000)
                {
                    var verdict = IssueTargets.Backlog(drain.PerSecond);
                    Console.WriteLine($"issue 16 target: {verdict.Verdict}: {verdict.Target}: {verdict.Measured}");
                }
            }
            if (settings.Count == 0)
            {
                await using var allocations = AllocationMeter.Attach(api.Process.Id);
                await CommandStatements.PrintAsync(db, submissions, label, "submission", http.SubmitAsync, allocations);
                var claimed = await http.PrepareClaimedAsync(submissions);
                await BacklogDrain.SettledAsync(db);
                await CommandStatements.PrintAsync(db, submissions, label, "approval", async _ =>
                {
                    claimed.TryDequeue(out var request);
                    await http.ApproveAsync(request.Id, request.Version);
                }, allocations);
            }
        }
        await CommandStatements.PrintIndexUseAsync(db);
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
