using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>
/// The statements PostgreSQL runs for a command, from pg_stat_statements (preloaded only in the benchmark's own
/// cluster): counters reset, a fixed number of commands from 16 clients, then the top statements by execution time,
/// per command. Background work of the API until it has settled (follow-ups, the notification subscriber, polling,
/// the SLA sweep) is included, as it is real cost.
/// </summary>
public static partial class CommandStatements
{
    public static async Task PrintAsync(NpgsqlDataSource db, int submissions, string label, string what, Func<int, Task> command, AllocationMeter allocations)
    {
        // Table statistics reach the shared counters when a backend goes idle, at most once a second: let the work
        // before this window land before it starts, and this window's work before it ends.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await using (var reset = db.CreateCommand("select pg_stat_statements_reset()"))
        {
            await reset.ExecuteNonQueryAsync();
        }
        var writesBefore = await TableWritesAsync(db);
        var commitsBefore = await CommitsAsync(db);
        var allocatedBefore = allocations.Take();
        await Parallel.ForAsync(0, submissions, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => await command(i));
        await BacklogDrain.SettledAsync(db);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var writesAfter = await TableWritesAsync(db);
        var allocatedAfter = allocations.Take();
        var commits = await CommitsAsync(db) - commitsBefore;
        await using var top = db.CreateCommand(
            "select calls, total_exec_time, rows, query from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) "
            + "and query not like '%pg_stat_statements%' order by total_exec_time desc limit 25");
        await using var reader = await top.ExecuteReaderAsync();
        Console.WriteLine($"statements [{label}], per {what} ({submissions:N0} of them, 16 clients):");
        Console.WriteLine("| calls | exec ms | rows | statement |");
        Console.WriteLine("| ---: | ---: | ---: | --- |");
        while (await reader.ReadAsync())
        {
            var text = Whitespace().Replace(reader.GetString(3), " ");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {reader.GetInt64(0) / (double)submissions:0.00} | {reader.GetDouble(1) / submissions:0.000} | {reader.GetInt64(2) / (double)submissions:0.00} | `{text[..Math.Min(text.Length, 140)]}` |"));
        }
        await reader.CloseAsync();
        await PrintTotalsAsync(db, submissions, what, commits);
        await PrintJitAsync(db, submissions, what);
        await PrintWritesAsync(db, submissions, what, writesBefore, writesAfter);
        PrintAllocations(submissions, what, allocatedBefore, allocatedAfter);
    }

    /// <summary>
    /// The API's side of the same window: bytes allocated per command (background work included, as for the
    /// statements) and the types that allocated most. Unlike CPU time this does not vary with the machine's load.
    /// </summary>
    private static void PrintAllocations(int commands, string what, AllocationMeter.Reading before, AllocationMeter.Reading after)
    {
        var bytes = after.Bytes - before.Bytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"API allocations per {what}: {bytes / 1024.0 / commands:0.0} kB; by type (sampled every ~100 kB):"));
        var types = after.ByType
            .Select(t => (Type: t.Key, Bytes: t.Value - before.ByType.GetValueOrDefault(t.Key)))
            .Where(t => t.Bytes > 0)
            .OrderByDescending(t => t.Bytes)
            .Take(12);
        foreach (var (type, typeBytes) in types)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {typeBytes * 100.0 / Math.Max(1, bytes),4:0.0}% {type}"));
        }
    }

    /// <summary>
    /// Round trips and transactions per command: every top-level statement is one execution the backend parsed (or
    /// found prepared), planned and ran, and every commit one WAL flush; both cost CPU beyond the statement times.
    /// </summary>
    private static async Task PrintTotalsAsync(NpgsqlDataSource db, int commands, string what, long commits)
    {
        await using var totals = db.CreateCommand(
            "select coalesce(sum(calls), 0)::float8, coalesce(sum(total_exec_time), 0)::float8 from pg_stat_statements "
            + "where dbid = (select oid from pg_database where datname = current_database()) and toplevel and query not like '%pg_stat_statements%'");
        await using var reader = await totals.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"top-level statements per {what}: {reader.GetDouble(0) / commands:0.0}, {reader.GetDouble(1) / commands:0.000} ms executing; {commits / (double)commands:0.00} commits"));
    }

    /// <summary>
    /// Statements PostgreSQL compiled with its JIT in the window (planned cost over <c>jit_above_cost</c>): a compile
    /// costs milliseconds of CPU each time, so a statement that crosses the threshold on every run shows here.
    /// </summary>
    private static async Task PrintJitAsync(NpgsqlDataSource db, int commands, string what)
    {
        await using var jit = db.CreateCommand(
            "select count(*) filter (where jit_functions > 0), coalesce(sum(jit_functions), 0)::float8, "
            + "coalesce(sum(jit_generation_time + jit_inlining_time + jit_optimization_time + jit_emission_time), 0)::float8 "
            + "from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())");
        await using var reader = await jit.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"JIT: {reader.GetInt64(0)} statements compiled {reader.GetDouble(1):0} functions in {reader.GetDouble(2):0.0} ms ({reader.GetDouble(2) / commands:0.000} ms per {what})"));
    }

    // Includes this benchmark's own few queries (a handful per window, against thousands of commands).
    private static async Task<long> CommitsAsync(NpgsqlDataSource db)
    {
        await using var query = db.CreateCommand("select xact_commit from pg_stat_database where datname = current_database()");
        return (long)(await query.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// What a command writes, beyond statement times: the WAL its statements produced (every row and every index entry
    /// written shows in it) and the rows inserted, updated (HOT: without touching an index) and deleted per table.
    /// </summary>
    private static async Task PrintWritesAsync(NpgsqlDataSource db, int commands, string what,
        Dictionary<string, long[]> before, Dictionary<string, long[]> after)
    {
        await using (var wal = db.CreateCommand(
            "select coalesce(sum(wal_bytes), 0)::float8, coalesce(sum(wal_records), 0)::float8, coalesce(sum(shared_blks_dirtied), 0)::float8 from pg_stat_statements "
            + "where dbid = (select oid from pg_database where datname = current_database())"))
        await using (var reader = await wal.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"WAL per {what}: {reader.GetDouble(0) / commands:N0} bytes in {reader.GetDouble(1) / commands:0.0} records, {reader.GetDouble(2) / commands:0.0} blocks dirtied"));
        }
        Console.WriteLine($"rows written per {what} (inserted / updated, of which HOT / deleted):");
        foreach (var (table, counts) in after.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(table, new long[4]);
            var delta = counts.Zip(old, (a, b) => (a - b) / (double)commands).ToArray();
            if (delta.Any(d => d >= 0.005))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {table}: {delta[0]:0.00} / {delta[1]:0.00}, {delta[2]:0.00} / {delta[3]:0.00}"));
            }
        }
    }

    private static async Task<Dictionary<string, long[]>> TableWritesAsync(NpgsqlDataSource db)
    {
        await using var query = db.CreateCommand("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from pg_stat_user_tables where schemaname = 'mygov'");
        await using var reader = await query.ExecuteReaderAsync();
        var writes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            writes[reader.GetString(0)] = [reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)];
        }
        return writes;
    }

    /// <summary>Every index of the tables commands write, with how often a query used it since the cluster started.</summary>
    public static async Task PrintIndexUseAsync(NpgsqlDataSource db)
    {
        await using var query = db.CreateCommand(
            "select s.relname, s.indexrelname, s.idx_scan, pg_relation_size(s.indexrelid), i.indexdef from pg_stat_user_indexes s "
            + "join pg_indexes i on i.schemaname = s.schemaname and i.indexname = s.indexrelname "
            + "where s.schemaname = 'mygov' and (select n_tup_ins + n_tup_upd from pg_stat_user_tables t where t.relid = s.relid) > 0 order by s.relname, s.indexrelname");
        await using var reader = await query.ExecuteReaderAsync();
        Console.WriteLine("indexes of the written tables (scans since the cluster started, size in kB):");
        while (await reader.ReadAsync())
        {
            var definition = Whitespace().Replace(reader.GetString(4), " ");
            Console.WriteLine($"  {reader.GetString(0)}.{reader.GetString(1)}: {reader.GetInt64(2):N0} scans, {reader.GetInt64(3) / 1024:N0} kB: {definition[..Math.Min(definition.Length, 200)]}");
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
