using System.Text.RegularExpressions;
using Shouldly;

namespace MyGovernment.Architecture.Tests;

/// <summary>
/// The Api is HTTP and hosting: it binds, authorizes, calls one command or query and shapes the answer. Event writes
/// and SQL live in Application, Projections or Integrity; even the local PostgreSQL bootstrap has its own project
/// (src/LocalPostgres), so there is no exception.
/// </summary>
public sealed partial class ApiIsThinTests
{
    private static readonly string Api = Repository.PathOf("src/Api");

    [Fact]
    public void No_class_in_the_api_appends_events_or_runs_sql()
    {
        var offenders = SourceFiles(Api)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && WritesEventsOrSql().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(Repository.Root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void The_api_holds_at_most_35_percent_of_the_source_lines()
    {
        var api = SourceFiles(Api).Sum(f => File.ReadLines(f).Count());
        // Hand-written lines only: the generated client would otherwise dilute the share.
        var generated = Repository.PathOf("src/Client/Generated");
        var all = SourceFiles(Repository.PathOf("src")).Where(f => !f.StartsWith(generated, StringComparison.Ordinal)).Sum(f => File.ReadLines(f).Count());

        (api * 100.0 / all).ShouldBeLessThanOrEqualTo(35.0, $"src/Api has {api} of {all} source lines");
    }

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // Appending or starting streams, raw ADO.NET, and SQL statements in string literals (comments aside).
    [GeneratedRegex("""\bEvents\.(Append|StartStream)|MartenOps\.StartStream|\bNpgsql(Command|Connection|DataSource|Batch)\b|"\s*(select|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+table|alter\s+table)\b""", RegexOptions.IgnoreCase)]
    private static partial Regex WritesEventsOrSql();
}
