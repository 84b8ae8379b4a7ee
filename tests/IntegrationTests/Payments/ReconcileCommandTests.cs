using MyGovernment.Api.Reconciliation;
using MyGovernment.IntegrationTests.Security;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>
/// The operators' `reconcile` command refuses a bad --date or a missing --file with one line and exit code 1, before
/// it builds a host (no database is touched). The command writes to the console, so this class runs alone and
/// captures it. (The refusal path after the import, e.g. the same file twice, needs the command's own host and is
/// covered over HTTP by ReconciliationTests.)
/// </summary>
[Collection(typeof(Alone))]
public sealed class ReconcileCommandTests
{
    [Theory]
    [InlineData("2026-13-01", null, "reconcile: --date must be yyyy-MM-dd, not '2026-13-01'")]
    [InlineData("01/02/2026", null, "reconcile: --date must be yyyy-MM-dd, not '01/02/2026'")]
    [InlineData("2026-01-02", "no-such-statement.csv", "reconcile: no such file: no-such-statement.csv")]
    public async Task A_bad_date_or_a_missing_file_is_one_line_and_a_failure(string date, string? file, string line)
    {
        var (ok, output) = await RunAsync(new ReconcileInput { DateFlag = date, FileFlag = file });

        ok.ShouldBeFalse();
        // Other tests' hosts may log to the console meanwhile: only the command's own lines count.
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("reconcile:", StringComparison.Ordinal)).ShouldBe([line]);
    }

    private static async Task<(bool Ok, string Output)> RunAsync(ReconcileInput input)
    {
        var console = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            return (await new ReconcileCommand().Execute(input), captured.ToString());
        }
        finally
        {
            Console.SetOut(console);
        }
    }
}
