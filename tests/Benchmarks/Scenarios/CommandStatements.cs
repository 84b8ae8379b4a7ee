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
    public static async Task PrintAsync(NpgsqlDataSource db, int submissions, string label, string what, Func<int, Task> command)
    {
        await using (var reset = db.CreateCommand("select pg_stat_statements_reset()"))
        {
            await reset.ExecuteNonQueryAsync();
        }
        await Parallel.ForAsync(0, submissions, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) => await command(i));
        await BacklogDrain.SettledAsync(db);
        await using var top = db.CreateCommand(
            "select calls, total_exec_time, rows, query from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) "
            + "and query not like '%pg_stat_statements%' order by total_exec_time desc limit 15");
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
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
