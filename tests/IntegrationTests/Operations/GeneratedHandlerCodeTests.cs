using System.Diagnostics;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Operations;

/// <summary>
/// The API loads the committed Wolverine code of its endpoints and handlers (src/Api/Internal/Generated) instead of
/// generating it at start, so a handler changed without regenerating would run yesterday's glue, and a new one would
/// not be found at all. This runs the same `codegen write` a developer runs, into a temporary folder, and compares.
/// </summary>
public sealed class GeneratedHandlerCodeTests
{
    private const string Refresh = "the committed handler code is stale: run `bash scripts/generate-handlers.sh` and commit src/Api/Internal/Generated";

    private static readonly string Committed = Path.Combine(Repository.Root(), "src", "Api", "Internal", "Generated", "WolverineHandlers");

    [Fact]
    public async Task The_committed_handler_code_is_what_codegen_write_generates_today()
    {
        var output = Directory.CreateTempSubdirectory("mygov-codegen-").FullName;
        try
        {
            await CodegenWriteAsync(output, TestContext.Current.CancellationToken);

            var fresh = Path.Combine(output, "WolverineHandlers");
            Differences(fresh, Committed).ShouldBeEmpty(Refresh);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void The_comparison_sees_a_changed_a_missing_and_an_extra_file()
    {
        var fresh = Directory.CreateTempSubdirectory("mygov-codegen-fresh-").FullName;
        var committed = Directory.CreateTempSubdirectory("mygov-codegen-committed-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(fresh, "A.cs"), "class A {}\n");
            File.WriteAllText(Path.Combine(committed, "A.cs"), "class A {}\r\n");
            Differences(fresh, committed).ShouldBeEmpty("line endings of a checkout are not a change");

            File.WriteAllText(Path.Combine(committed, "A.cs"), "class A { int x; }\n");
            File.WriteAllText(Path.Combine(fresh, "New.cs"), "class New {}\n");
            File.WriteAllText(Path.Combine(committed, "Gone.cs"), "class Gone {}\n");

            Differences(fresh, committed).ShouldBe(["A.cs differs", "New.cs is not committed", "Gone.cs is no longer generated"], ignoreOrder: true);
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
            Directory.Delete(committed, recursive: true);
        }
    }

    /// <summary>`codegen write` builds the host without starting it: the connection string is never opened.</summary>
    private static async Task CodegenWriteAsync(string output, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet", [ApiNodeProcess.ApiAssemblyPath(ownFolder: true), "codegen", "write"])
        {
            // Where `dotnet run --project src/Api` runs it (content root, settings), in its launch profile's environment.
            WorkingDirectory = Path.Combine(Repository.Root(), "src", "Api"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Database=codegen";
        start.Environment["Wolverine__GeneratedCodeOutputPath"] = output;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        process.ExitCode.ShouldBe(0, $"codegen write failed:\n{await stdout}\n{await stderr}");
    }

    private static List<string> Differences(string fresh, string committed)
    {
        var freshFiles = Names(fresh);
        var committedFiles = Names(committed);
        return
        [
            .. freshFiles.Intersect(committedFiles).Where(name => Text(fresh, name) != Text(committed, name)).Select(name => $"{name} differs"),
            .. freshFiles.Except(committedFiles).Select(name => $"{name} is not committed"),
            .. committedFiles.Except(freshFiles).Select(name => $"{name} is no longer generated"),
        ];
    }

    private static HashSet<string> Names(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.cs").Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal) : [];

    private static string Text(string folder, string name) => File.ReadAllText(Path.Combine(folder, name)).ReplaceLineEndings("\n");
}
