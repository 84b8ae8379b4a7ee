using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MyGovernment.LocalPostgres;
using MyGovernment.Benchmarks;
using MyGovernment.Benchmarks.Scenarios;
using Npgsql;

// The benchmark of docs/benchmarks.md: every scenario side by side in one run, on one throwaway PostgreSQL.
// Usage: dotnet run -c Release --project tests/Benchmarks [-- --seconds 5 --events 100000]
// For a quick comparison while tuning (does not write the report): --clients 16 --skip-bulk
if (args.Length > 0 && args[0] == "faults")
{
    var dll = Path.Combine(RepositoryRoot(), "src", "Api", "bin", "Release", "net10.0", "MyGovernment.Api.dll");
    return await new MyGovernment.Benchmarks.Faults.FaultRun(dll, Arg("--kills", 3), TimeSpan.FromSeconds(Arg("--seconds", 5)), Arg("--seed", 7)).RunAsync();
}

if (args.Length > 0 && args[0] == "drain")
{
    // dotnet run -c Release --project tests/Benchmarks -- drain [--messages 10000] [--submissions 500] [--before old/MyGovernment.Api.dll]
    var current = ArgText("--api") ?? Path.Combine(RepositoryRoot(), "src", "Api", "bin", "Release", "net10.0", "MyGovernment.Api.dll");
    return await FollowUpRun.RunAsync(current, ArgText("--before"), Arg("--messages", 10_000), Arg("--submissions", 500));
}

if (args.Length > 0 && args[0] == "tokens")
{
    // dotnet run -c Release --project tests/Benchmarks -- tokens [--rounds 6] [--per-round 20000]
    return await TokenValidationRun.RunAsync(Arg("--rounds", 6), Arg("--per-round", 20_000));
}

var seconds = Arg("--seconds", 5);
var bulkEvents = Arg("--events", 100_000);
int[] concurrency = Arg("--clients", 0) is > 0 and var only ? [only] : [1, 4, 16, 64];
var skipBulk = args.Contains("--skip-bulk");
// --only-http: the HTTP command scenarios alone (first requests, submit, approve), for quick A/B runs of two builds
// while tuning; no cold starts, no baselines, no open loop, no report.
var onlyHttp = args.Contains("--only-http");
// --only-start: the three cold starts and the first requests of a fresh process, nothing else (start-up A/B runs).
var onlyStart = args.Contains("--only-start");
var root = RepositoryRoot();
// --api <dll> measures another build of the API (e.g. an older commit) with this same tool.
var apiDll = ArgText("--api") ?? Path.Combine(root, "src", "Api", "bin", "Release", "net10.0", "MyGovernment.Api.dll");
if (!File.Exists(apiDll))
{
    Console.Error.WriteLine($"Build the API in Release first (dotnet build -c Release): {apiDll} is missing.");
    return 1;
}

// One deployment key for every API process of the run (inherited through the environment) and for the bulk loader's
// event tags: with the key file of each process's folder, the bulk events would be refused by the sealer.
using var signing = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
var signingPem = signing.ExportPkcs8PrivateKeyPem();
Environment.SetEnvironmentVariable("Integrity__SigningKeyPem", signingPem);
using var deploymentKey = MyGovernment.Integrity.CheckpointKey.FromPem(signingPem);

var folder = Path.Combine(Path.GetTempPath(), "mygov-bench-" + Guid.NewGuid().ToString("N")[..8]);
// --pg-setting "name = value" (repeatable): a line added to the throwaway cluster's postgresql.conf, e.g. logging
// (log_autovacuum_min_duration = 0) while looking for what pauses the open loop, or a tuning compared side by side.
await using var cluster = await LocalPostgresCluster.StartAsync(
    new LocalPostgresOptions { Port = 0, Database = "bench", ServerSettings = ArgTexts("--pg-setting") }, folder, deleteOnStop: true);
var connectionString = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { MaxPoolSize = 100 }.ConnectionString;
await using var db = NpgsqlDataSource.Create(connectionString);
var results = new List<Measurement>();
var meter = new CpuMeter(folder);
var self = Process.GetCurrentProcess();
var duration = TimeSpan.FromSeconds(seconds);

Console.WriteLine("start to ready (3 cold starts of the API process)...");
var starts = new List<double>();
for (var i = 0; i < (onlyHttp && !onlyStart ? 0 : 3); i++)
{
    await using var probe = await ApiProcess.StartAsync(apiDll, connectionString, FreePort());
    starts.Add(probe.StartToReady.TotalMilliseconds);
    Console.WriteLine($"   start to ready: {probe.StartToReady.TotalMilliseconds:0} ms (load average {BacklogDrain.LoadAverage()})");
}

if (onlyHttp || onlyStart)
{
    goto HttpCommandPath;
}
Console.WriteLine("1. raw Npgsql inserts...");
await RawInsert.PrepareAsync(db);
foreach (var clients in concurrency)
{
    results.Add(Report(await LoadRunner.RunAsync("1. raw Npgsql insert", clients, duration, RawInsert.Operation(db), cpu: (meter, self), allocated: SelfAllocated)));
}
// Close the 64 connections of the last level now. Left idle, Npgsql prunes them after its idle lifetime (300 s),
// which fell into the open loop of a full run: 64 backends exiting at once kept both cores in the kernel for
// 100-200 ms, the load generator could not send, and the burst that followed was the open loop's "pause" (part I).
db.Clear();

Console.WriteLine("2. bare Marten appends...");
using (var marten = MartenAppend.Store(connectionString, "bench_marten"))
{
    await marten.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    foreach (var clients in concurrency)
    {
        results.Add(Report(await LoadRunner.RunAsync("2. bare Marten append", clients, duration, MartenAppend.Operation(marten), cpu: (meter, self), allocated: SelfAllocated)));
    }
}

HttpCommandPath:
Console.WriteLine("3. full HTTP command path...");
var api = await ApiProcess.StartAsync(apiDll, connectionString, FreePort());
await using var apiAllocations = AllocationMeter.Attach(api.Process.Id);
long ApiAllocated() => apiAllocations.Take().Bytes;
var http = await HttpCommands.CreateAsync(api);
// Before any other traffic: the API has answered only /health/ready and the development token endpoint.
var firstRequests = await FirstRequests.MeasureAsync(http);
foreach (var (route, ms) in firstRequests)
{
    Console.WriteLine($"   first request after ready: {route,-50} {ms,7:0} ms");
}
// --warm S (default 60): at least S seconds of every command the scenarios measure (submit, claim, a refused decision,
// the approval) at 16 clients before anything is measured, so the measurements see the code the runtime settles on after
// its tiered, profile-guided recompilation, as on a node that has run for a while; --warm 0 measures a node seconds
// after its start (issue 16, part F: four times the CPU). Each round runs all four on one new request to the end of
// the warm-up: approvals taken from a pool prepared beforehand ran out after about 15 s, while the runtime was still
// busy compiling, and the approval's own code reached its optimized tier only in the measured run (part T).
// After S seconds it goes on, 10 s at a time, until the runtime compiles fewer than SettledMethods methods in 10 s (at
// most --warm-max seconds): at 60 s it was still compiling about 200 methods a second, background loops' code reaching
// its last tier, and a tenth of the API's CPU in the first measurement was the JIT's (part U).
var warmSeconds = Arg("--warm", 60);
var warmMaxSeconds = Math.Max(warmSeconds, Arg("--warm-max", 300));
const int SettledMethods = 150;
await using var apiJit = JitMeter.Attach(api.Process.Id);
long ApiCompiled() => apiJit.Compiled;
var warmedSeconds = 0;
if (warmSeconds > 0 && !onlyStart)
{
    Console.WriteLine($"   warming up for at least {warmSeconds} s, until the JIT settles (not measured)...");
    await WarmAsync(warmSeconds);
    // Only a 10 s slice's count says whether compilation has settled; the first, long one always compiles much.
    const int Slice = 10;
    while (warmedSeconds < warmMaxSeconds)
    {
        var compiledBefore = ApiCompiled();
        await WarmAsync(Slice);
        var compiled = ApiCompiled() - compiledBefore;
        Console.WriteLine($"   ... {warmedSeconds} s: {compiled} methods compiled in the last {Slice} s");
        if (compiled < SettledMethods)
        {
            break;
        }
    }
    await DrainInboxAsync(db);
    Console.WriteLine($"   warmed up for {warmedSeconds} s ({ApiCompiled():N0} methods compiled since the first requests)");
}

// One stretch of the warm-up: each round runs every measured command on one new request.
async Task WarmAsync(int forSeconds)
{
    await LoadRunner.RunAsync("warm-up", 16, TimeSpan.FromSeconds(forSeconds), async c =>
    {
        var (id, claimed) = await http.SubmitClaimedAsync(c);
        await http.RefusedApproveAsync(id, claimed - 1);
        await http.ApproveAsync(id, claimed);
    }, warmup: TimeSpan.Zero);
    warmedSeconds += forSeconds;
}

if (onlyStart)
{
    await api.DisposeAsync();
    Console.WriteLine($"   (that process: start to ready {api.StartToReady.TotalMilliseconds:0} ms) start-up only: report not written");
    return 0;
}
foreach (var clients in concurrency)
{
    results.Add(Report(await LoadRunner.RunAsync("3a. HTTP submit request", clients, duration, c => http.SubmitAsync(c), cpu: (meter, api.Process), drain: () => DrainInboxAsync(db), allocated: ApiAllocated, compiled: ApiCompiled)));
}
foreach (var clients in concurrency)
{
    // Approving needs claimed requests: prepare a pool sized from the submit rate at this concurrency.
    var rate = results.Single(r => r.Scenario.StartsWith("3a", StringComparison.Ordinal) && r.Clients == clients).PerSecond;
    var pool = await http.PrepareClaimedAsync((int)Math.Ceiling(rate * (seconds + 1) * 2.5) + 4 * clients);
    // The preparation's own follow-ups must not be counted against the approvals.
    await DrainInboxAsync(db);
    results.Add(Report(await LoadRunner.RunAsync("3b. HTTP approve step", clients, duration, async _ =>
    {
        if (!pool.TryDequeue(out var item))
        {
            throw new NoMoreWorkException();
        }
        await http.ApproveAsync(item.Id, item.Version);
    }, cpu: (meter, api.Process), drain: () => DrainInboxAsync(db), allocated: ApiAllocated, compiled: ApiCompiled)));
}

foreach (var clients in concurrency)
{
    // Refusals (issue 16): what a client retrying blindly or a flood of stale commands costs the API, per command. A
    // few claimed requests are refused over and over: a refusal changes nothing, so each stays as stale as it was.
    var targets = (await http.PrepareClaimedAsync(clients)).ToArray();
    await DrainInboxAsync(db);
    var next = 0;
    results.Add(Report(await LoadRunner.RunAsync("3c. HTTP refused (stale)", clients, duration, async _ =>
    {
        var (id, version) = targets[(Interlocked.Increment(ref next) & int.MaxValue) % targets.Length];
        await http.RefusedApproveAsync(id, version - 1);
    }, cpu: (meter, api.Process), drain: () => DrainInboxAsync(db), allocated: ApiAllocated, compiled: ApiCompiled)));
}

// Saturation is the sustained rate: a burst can outrun the background follow-ups (automatic assignment after every
// submission) for a few seconds, but an open-loop load at half of the burst rate would then queue without end.
if (onlyHttp)
{
    await api.DisposeAsync();
    Console.WriteLine("HTTP scenarios only: report not written");
    return 0;
}
var saturation = results.Where(r => r.Scenario.StartsWith("3a", StringComparison.Ordinal)).Max(r => r.SustainedPerSecond);
await DrainInboxAsync(db);
// --load P: the open loop at P% of the sustained saturation instead of 50% (overload runs, admission control A/B).
// --rate R: the open loop at R submissions/s whatever the saturation (two builds compared at the same rate).
var openRate = Arg("--rate", 0) is > 0 and var fixedRate ? fixedRate : saturation * Arg("--load", 50) / 100.0;
var openShare = openRate * 100 / saturation;
Console.WriteLine($"4. projection lag at {openRate:0} submits/s ({openShare:0}% of the sustained saturation)...");
// --open-seconds S: how long the open loop runs (default twice --seconds, at least 10 s). At ~550 submissions/s a 10 s
// loop has ~55 commands in its slowest 1%, so a single stall of ~100 ms decides its p99; a longer loop shows whether
// the stalls are rare or the norm (issue 16, parts G to J).
var openSeconds = Arg("--open-seconds", Math.Max(10, seconds * 2));
var lag = await ProjectionLag.MeasureAsync(db, openRate, TimeSpan.FromSeconds(openSeconds), c => http.SubmitAsync(c));
Console.WriteLine($"   lag p50 {lag.P50Ms:0} ms, p95 {lag.P95Ms:0} ms, max {lag.MaxMs:0} ms at {lag.AchievedPerSecond:0}/s");
Console.WriteLine($"   commands at that rate over {openSeconds} s: p50 {lag.CommandP50Ms:0.0} ms, p95 {lag.CommandP95Ms:0.0} ms, p99 {lag.CommandP99Ms:0.0} ms, errors {lag.CommandErrors}");
Console.WriteLine($"   {lag.SlowWindows}");
Console.WriteLine($"   {lag.Client}");
await api.DisposeAsync();
if (skipBulk || concurrency.Length < 4)
{
    PrintRatios();
    IssueTargets.Print(IssueTargets.Evaluate(results, lag, openShare, firstRequests), results);
    Console.WriteLine("partial run: report not written");
    return 0;
}

Console.WriteLine($"5. rebuild speed over at least {bulkEvents:N0} events...");
using (var appStore = MartenAppend.Store(connectionString, "mygov", deploymentKey))
{
    var existing = await CountEventsAsync(db);
    if (existing < bulkEvents)
    {
        await BulkLoad.AppendRequestsAsync(appStore, (int)((bulkEvents - existing) / 3) + 1);
    }
}
var sealClock = Stopwatch.StartNew();
var sealedCheckpoint = await Sealing.SealAllAsync(connectionString, deploymentKey);
Console.WriteLine($"   sealed: a checkpoint of {sealedCheckpoint.TreeSize:N0} events in {sealClock.Elapsed.TotalSeconds:0.0} s");
// As autovacuum would leave it: the first reader of freshly bulk-loaded rows otherwise pays for setting their hint
// bits, which made the first rebuild's time swing by half between runs.
foreach (var table in new[] { "mt_events", "mt_streams" })
{
    await using var vacuum = db.CreateCommand($"vacuum (analyze) mygov.{table}");
    await vacuum.ExecuteNonQueryAsync();
}
var totalEvents = await CountEventsAsync(db);
var rebuilds = new List<(string Projection, double Ms)>();
foreach (var projection in new[] { "ServiceRequestDetails", "IssuedDocument", "ServiceCatalogEntry", "AccessLog" })
{
    var ms = await RebuildAsync(apiDll, connectionString, projection);
    rebuilds.Add((projection, ms));
    Console.WriteLine($"   {projection}: {ms:0} ms = {totalEvents / (ms / 1000):N0} events/s");
}

Console.WriteLine("6. verify over the whole event log...");
var verify = await VerifyAsync(apiDll, connectionString);
Console.WriteLine($"   verify: {verify.Events:N0} events in {verify.Seconds:0.00} s = {verify.Events / verify.Seconds:N0} events/s");

var verdicts = IssueTargets.Evaluate(results, lag, openShare, firstRequests);
var report = Markdown(results, starts, lag, openShare, openSeconds, rebuilds, totalEvents, seconds, bulkEvents, warmSeconds, warmedSeconds)
    + "\nFirst request of each route on a freshly started API, right after `/health/ready` (target 500 ms): "
    + string.Join("; ", firstRequests.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Route} {f.Ms:0} ms"))) + ".\n"
    + string.Create(CultureInfo.InvariantCulture,
    $"\n`verify` (recompute every leaf from `mt_events`, compare with the sealed leaves and checkpoints): {verify.Events:N0} events in {verify.Seconds:0.00} s = **{verify.Events / verify.Seconds:N0} events/s** (time measured inside the command, host start excluded).\n")
    + "\n" + IssueTargets.Markdown(verdicts, results);
Directory.CreateDirectory(Path.Combine(root, "docs"));
var reportPath = Path.Combine(root, "docs", "benchmarks.md");
await File.WriteAllTextAsync(reportPath, report + await HandWrittenPartsAsync(reportPath));
await File.WriteAllTextAsync(Path.Combine(root, "docs", "benchmarks.json"), JsonSerializer.Serialize(new
{
    machine = Machine(), seconds, warmSeconds, warmedSeconds, results, startToReadyMs = starts, lag, verify = new { verify.Events, verify.Seconds }, rebuilds = rebuilds.Select(r => new { r.Projection, r.Ms, eventsPerSecond = totalEvents / (r.Ms / 1000) }), totalEvents, targets = verdicts,
}, new JsonSerializerOptions { WriteIndented = true }));
PrintRatios();
IssueTargets.Print(verdicts, results);
Console.WriteLine("wrote docs/benchmarks.md and docs/benchmarks.json");
return 0;

void PrintRatios()
{
    var clients = concurrency.Contains(16) ? 16 : concurrency[0];
    double At(string s) => results.Single(r => r.Scenario.StartsWith(s, StringComparison.Ordinal) && r.Clients == clients).PerSecond;
    Console.WriteLine($"ratio 3/2 at {clients} clients (HTTP submit / bare Marten): {At("3a") / At("2."):0.00}");
    Console.WriteLine($"ratio 2/1 at {clients} clients (bare Marten / raw Npgsql): {At("2.") / At("1."):0.00}");
}

// The benchmark process's own allocations, for the scenarios it runs itself (1 and 2): the client side included.
static long SelfAllocated() => GC.GetTotalAllocatedBytes(precise: false);

static Measurement Report(Measurement m)
{
    Console.WriteLine($"   {m.Scenario,-28} {m.Clients,3} clients: {m.PerSecond,8:N0}/s (sustained {m.SustainedPerSecond:N0}/s, drain {m.DrainSeconds:0.0} s)  p50 {m.P50Ms,6:0.0} ms  p95 {m.P95Ms,6:0.0} ms  p99 {m.P99Ms,6:0.0} ms  errors {m.Errors}  cpu/op app {m.AppCpuMsPerOp:0.00} ms db {m.DbCpuMsPerOp:0.00} ms  alloc/op {m.AppKbPerOp:0.0} kB{(m.AppMethodsCompiled is { } jit ? $"  jit {jit}" : "")}");
    return m;
}

// Waits until the API has handled every follow-up message the run queued (scheduled timers are not counted).
static async Task DrainInboxAsync(NpgsqlDataSource db)
{
    var deadline = Stopwatch.StartNew();
    var reported = false;
    while (deadline.Elapsed < TimeSpan.FromMinutes(2))
    {
        if (await BacklogDrain.WaitingAsync(db) == 0)
        {
            return;
        }
        if (!reported && deadline.Elapsed > TimeSpan.FromSeconds(10))
        {
            reported = true;
            await using var what = db.CreateCommand(
                "select message_type || ' ' || status || ' attempts ' || attempts || ': ' || count(*) from mygov.wolverine_incoming_envelopes where status <> 'Handled' group by message_type, status, attempts order by 1");
            await using var reader = await what.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("   still queued: " + reader.GetString(0));
            }
        }
        await Task.Delay(50);
    }
}

static async Task<long> CountEventsAsync(NpgsqlDataSource db)
{
    await using var command = db.CreateCommand("select count(*) from mygov.mt_events");
    return (long)(await command.ExecuteScalarAsync())!;
}

static async Task<double> RebuildAsync(string apiDll, string connectionString, string projection)
{
    var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { apiDll, "projections", "rebuild", "-p", projection })
    {
        info.ArgumentList.Add(a);
    }
    info.Environment["ConnectionStrings__Postgres"] = connectionString;
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
    info.Environment["Authentication__DevelopmentIssuer"] = "true";
    using var process = Process.Start(info)!;
    var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    // JasperFx prints "Finished rebuilding <name> in <n> ms" (possibly wrapped across lines).
    var match = Regex.Match(Regex.Replace(output, @"\s+", " "), @"Finished rebuilding \S*" + Regex.Escape(projection) + @"\S* in (\d+) ms");
    return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"rebuild of {projection} failed:\n{output}");
}

static async Task<(long Events, double Seconds)> VerifyAsync(string apiDll, string connectionString)
{
    var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    info.ArgumentList.Add(apiDll);
    info.ArgumentList.Add("verify");
    info.Environment["ConnectionStrings__Postgres"] = connectionString;
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
    info.Environment["Authentication__DevelopmentIssuer"] = "true";
    using var process = Process.Start(info)!;
    var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    var events = Regex.Match(output, "\"eventsChecked\"\\s*:\\s*(\\d+)", RegexOptions.IgnoreCase);
    var secs = Regex.Match(output, "\"seconds\"\\s*:\\s*([0-9.eE+-]+)", RegexOptions.IgnoreCase);
    if (!events.Success || !secs.Success)
    {
        throw new InvalidOperationException("verify printed no report:\n" + output[..Math.Min(output.Length, 2000)]);
    }
    return (long.Parse(events.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(secs.Groups[1].Value, CultureInfo.InvariantCulture));
}

static string Markdown(List<Measurement> results, List<double> starts, LagResult lag, double openShare, int openSeconds, List<(string Projection, double Ms)> rebuilds, long events, int seconds, int requestedEvents, int warm, int warmed)
{
    var sb = new System.Text.StringBuilder();
    sb.AppendLine("# Benchmarks").AppendLine();
    sb.AppendLine(CultureInfo.InvariantCulture, $"Produced by `dotnet build -c Release tests/Benchmarks && dotnet tests/Benchmarks/bin/Release/net10.0/MyGovernment.Benchmarks.dll --seconds {seconds} --events {requestedEvents}` on the machine below, all");
    sb.AppendLine($"scenarios side by side in one run against one throwaway PostgreSQL ({seconds} s per measurement after a 1 s warm-up;");
    sb.AppendLine("fsync and synchronous_commit on). Not a test: numbers depend on the machine and on what else runs on it.").AppendLine();
    sb.AppendLine(warm > 0
        ? $"Before the HTTP scenarios (3, 4) the API runs every command they measure (submit, claim, a refused decision, approve) at 16 clients, not measured, so they see the code the"
          + "\nruntime settles on after its tiered, profile-guided recompilation, as a node that has been up for a while does: at least"
          + $"\n{warm} s, then 10 s at a time until its runtime compiles fewer than {SettledMethods} methods in 10 s (this run: {warmed} s). The first"
          + "\nrequests below are measured before it. `--warm 0` measures a node seconds after its start. \"JIT\" counts the methods"
          + "\nthe API's runtime compiled during each HTTP measurement (run and drain), read from its event stream."
        : "The HTTP scenarios start seconds after the API did (`--warm 0`): much of its code still runs in the runtime's first tiers.").AppendLine();
    sb.AppendLine($"Machine: {Machine()}").AppendLine();
    sb.AppendLine("CPU per operation: milliseconds of CPU spent by the application (this benchmark process for 1 and 2, the API");
    sb.AppendLine("process for 3, including its background follow-ups) and by PostgreSQL, divided by the operations completed.").AppendLine();
    sb.AppendLine("For HTTP, each run is followed by a drain: the wait until the API has done the background work the run caused");
    sb.AppendLine("(messages in the inbox, and the async daemon with the notification and webhook subscribers caught up). \"Sustained\"");
    sb.AppendLine("counts operations over run plus drain, and CPU per operation includes that work.").AppendLine();
    sb.AppendLine("Allocated per operation: memory the same application allocated, divided likewise (the API's read from its runtime's");
    sb.AppendLine("event stream); unlike CPU time it does not change with the machine's load.").AppendLine();
    sb.AppendLine("| scenario | clients | ops/s | sustained ops/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/op | db CPU ms/op | app kB/op | JIT |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var m in results)
    {
        var sustained = m.DrainSeconds > 0 ? m.SustainedPerSecond.ToString("N0", CultureInfo.InvariantCulture) : "–";
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {m.Scenario} | {m.Clients} | {m.PerSecond:N0} | {sustained} | {m.P50Ms:0.0} | {m.P95Ms:0.0} | {m.P99Ms:0.0} | {m.Errors} | {m.AppCpuMsPerOp:0.00} | {m.DbCpuMsPerOp:0.00} | {m.AppKbPerOp:0.0} | {(m.AppMethodsCompiled is { } jit ? jit.ToString(CultureInfo.InvariantCulture) : "–")} |");
    }
    double At(string s, int c) => results.Single(r => r.Scenario.StartsWith(s, StringComparison.Ordinal) && r.Clients == c).PerSecond;
    sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Ratios at 16 clients: HTTP submit / bare Marten (3/2) = **{At("3a", 16) / At("2.", 16):0.00}**; bare Marten / raw Npgsql (2/1) = **{At("2.", 16) / At("1.", 16):0.00}**.");
    sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Projection lag (async daemon behind the high-water mark) under {lag.AchievedPerSecond:0} submits/s ({openShare:0}% of the sustained saturation): p50 {lag.P50Ms:0} ms, p95 {lag.P95Ms:0} ms, max {lag.MaxMs:0} ms over {lag.Samples} samples.");
    sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Submit latency at that rate (open loop for {openSeconds} s, each command timed from when it was sent): p50 {lag.CommandP50Ms:0.0} ms, p95 {lag.CommandP95Ms:0.0} ms, p99 {lag.CommandP99Ms:0.0} ms, errors {lag.CommandErrors}. {lag.SlowWindows}; {lag.Client}.");
    sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Rebuild over {events:N0} events (time reported by `projections rebuild`):").AppendLine();
    sb.AppendLine("| projection | ms | events/s |").AppendLine("| --- | ---: | ---: |");
    foreach (var (projection, ms) in rebuilds)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {projection} | {ms:0} | {events / (ms / 1000):N0} |");
    }
    var ordered = starts.Order().ToList();
    sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Start to ready (process start until `/health/ready` answers 200, database already up): median {ordered[ordered.Count / 2]:0} ms of {string.Join(", ", starts.Select(s => s.ToString("0", CultureInfo.InvariantCulture)))} ms.");
    return sb.ToString();
}

// The report's generated part has no "## " heading; everything from the file's first one on (the issue's reports, written
// by hand with each change's before and after) is kept below a new run's tables instead of being overwritten.
static async Task<string> HandWrittenPartsAsync(string reportPath)
{
    if (!File.Exists(reportPath))
    {
        return "";
    }
    var text = await File.ReadAllTextAsync(reportPath);
    var start = text.StartsWith("## ", StringComparison.Ordinal) ? 0 : text.IndexOf("\n## ", StringComparison.Ordinal);
    return start < 0 ? "" : "\n" + text[start..].TrimStart('\n');
}

static string Machine() =>
    $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static string RepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MyGovernment.sln")))
    {
        dir = dir.Parent;
    }
    return dir?.FullName ?? Directory.GetCurrentDirectory();
}

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

List<string> ArgTexts(string name) =>
    [.. args.Select((value, i) => (value, i)).Where(a => a.value == name && a.i + 1 < args.Length).Select(a => args[a.i + 1])];

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
