using System.Globalization;
using System.Text;
using MyGovernment.Benchmarks.Scenarios;

namespace MyGovernment.Benchmarks;

/// <summary>
/// Issue 16's targets, checked against one run's own measurements, so that a full run answers the issue by itself
/// instead of a reader comparing numbers by hand. The CPU targets are absolute milliseconds, set on a quiet machine
/// whose raw Npgsql inserts ran at <see cref="ReferenceRawInserts"/>/s at 16 clients (the table of part M). On a machine
/// that runs them much slower, or is busy with something else, every CPU figure grows with it (part U: runs of one build
/// differed by a third within the hour on a busy machine), so the verdict on those targets is given only when the
/// run's own raw inserts reached <see cref="ComparableShare"/> of the reference. A slower run that is within a target
/// still meets it (a faster machine only lowers the figure); one that misses it says it cannot decide. The same holds
/// for the open loop's p99, also absolute milliseconds, and for the backlog's rate (<see cref="Backlog"/>). The ratios compare measurements of the
/// run with each other and are always decided, though a busy machine moves them too (0.21 to 0.47 for one build in four
/// runs within the hour, part V).
/// The backlog target is measured by the <c>drain</c> command, not by this run.
/// </summary>
public static class IssueTargets
{
    public const double ReferenceRawInserts = 13_030;
    public const double ComparableShare = 0.8;
    private const int Clients = 16;

    public sealed record Check(string Target, string Measured, bool? Met)
    {
        public string Verdict => Met switch { true => "met", false => "not met", null => "not decidable here" };
    }

    public static IReadOnlyList<Check> Evaluate(
        IReadOnlyList<Measurement> results, LagResult? lag = null, double openShare = 0, IReadOnlyList<(string Route, double Ms)>? firstRequests = null)
    {
        var checks = new List<Check>();
        var raw = At(results, "1.");
        var bare = At(results, "2.");
        var submit = At(results, "3a");
        var approve = At(results, "3b");
        var comparable = Comparable(raw);
        if (submit is not null && bare is not null)
        {
            var ratio = submit.PerSecond / bare.PerSecond;
            checks.Add(new("HTTP submit at least 0.25× bare Marten appends (16 clients)", F($"{ratio:0.00}"), ratio >= 0.25));
        }
        if (submit is not null)
        {
            var share = submit.SustainedPerSecond / submit.PerSecond;
            checks.Add(new("submissions sustained (run plus drain) at least 0.9× the burst", F($"{share:0.00}"), share >= 0.9));
            checks.Add(Cpu("CPU per submission (API plus PostgreSQL) at most 1.5 ms", submit, 1.5, comparable));
        }
        if (approve is not null)
        {
            checks.Add(Cpu("CPU per approval (API plus PostgreSQL) at most 1 ms", approve, 1.0, comparable));
        }
        // Only an open loop at half of the saturation is the target's condition (--load and --rate change it).
        if (lag is not null && Math.Abs(openShare - 50) < 5)
        {
            checks.Add(new("p99 of submissions at most 25 ms at half of sustained saturation (open loop)", F($"{lag.CommandP99Ms:0.0} ms"),
                Absolute(lag.CommandP99Ms <= 25, comparable)));
        }
        if (firstRequests is { Count: > 0 })
        {
            var slowest = firstRequests.MaxBy(f => f.Ms);
            checks.Add(new("every route's first request within 0.5 s after ready", F($"slowest {slowest.Ms:0} ms ({slowest.Route})"), slowest.Ms <= 500));
        }
        return checks;
    }

    /// <summary>The run's speed against the reference machine's, which decides whether a missed CPU or p99 target is judged.</summary>
    public static string Conditions(IReadOnlyList<Measurement> results) => At(results, "1.") is { } raw
        ? F($"This run's raw Npgsql inserts at 16 clients: {raw.PerSecond:N0}/s, {raw.PerSecond * 100 / ReferenceRawInserts:0}% of the reference machine's {ReferenceRawInserts:N0}/s; ")
          + (Comparable(raw) == true
              ? "the CPU and p99 targets are judged."
              : F($"below {ComparableShare * 100:0}%, so a CPU or p99 figure over its target (absolute milliseconds, set on that machine) is not judged; one within it is met."))
        : "No raw Npgsql baseline in this run: a CPU or p99 figure over its target is not judged; one within it is met.";

    public static void Print(IReadOnlyList<Check> checks, IReadOnlyList<Measurement> results)
    {
        Console.WriteLine("issue 16 targets:");
        foreach (var check in checks)
        {
            Console.WriteLine($"   {check.Verdict,-18} {check.Target}: {check.Measured}");
        }
        Console.WriteLine($"   {Conditions(results)}");
    }

    public static string Markdown(IReadOnlyList<Check> checks, IReadOnlyList<Measurement> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("Against issue 16's targets (decided from this run by the tool; the backlog target is measured by `drain`):").AppendLine();
        sb.AppendLine("| target | this run | verdict |").AppendLine("| --- | --- | --- |");
        foreach (var check in checks)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {check.Target} | {check.Measured} | {check.Verdict} |");
        }
        sb.AppendLine().AppendLine(Conditions(results));
        return sb.ToString();
    }

    private static Check Cpu(string target, Measurement m, double limitMs, bool? comparable)
    {
        var total = m.AppCpuMsPerOp + m.DbCpuMsPerOp;
        var measured = F($"{total:0.00} ms ({m.AppCpuMsPerOp:0.00} + {m.DbCpuMsPerOp:0.00})");
        return new(target, measured, Absolute(total <= limitMs, comparable));
    }

    /// <summary>
    /// The <c>drain</c> command's verdict: a backlog of 10,000 follow-ups drains at 1,000 messages/s or more. That run
    /// has no raw baseline, so only a rate within the target decides.
    /// </summary>
    public static Check Backlog(double perSecond) =>
        new("a backlog of 10,000 follow-ups drains at 1,000 messages/s or more", F($"{perSecond:N0}/s"), Absolute(perSecond >= 1000, null));

    /// <summary>Within an absolute target on any machine: met. Outside it: not met only on a machine like the reference.</summary>
    private static bool? Absolute(bool within, bool? comparable) => within ? true : comparable == true ? false : null;

    private static bool? Comparable(Measurement? raw) => raw is null ? null : raw.PerSecond >= ReferenceRawInserts * ComparableShare;

    private static Measurement? At(IReadOnlyList<Measurement> results, string scenario) =>
        results.SingleOrDefault(r => r.Scenario.StartsWith(scenario, StringComparison.Ordinal) && r.Clients == Clients);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
