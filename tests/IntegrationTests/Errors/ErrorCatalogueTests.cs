using System.Text.RegularExpressions;
using MyGovernment.Api.Errors;
using Shouldly;

namespace MyGovernment.IntegrationTests.Errors;

/// <summary>
/// The error catalogue is the one place codes are declared: every entry speaks both languages, every code the
/// sources raise is in it (and nothing in it is dead), and docs/errors.md is its rendering.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    [Fact]
    public void Every_entry_is_snake_case_and_has_a_title_and_detail_in_both_languages()
    {
        ErrorCatalogue.All.Count.ShouldBeGreaterThan(80);
        foreach (var entry in ErrorCatalogue.All)
        {
            entry.Code.ShouldMatch("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
            foreach (var text in new[] { entry.Title, entry.Detail })
            {
                text.En.ShouldNotBeNullOrWhiteSpace(entry.Code);
                ArabicLetters().IsMatch(text.En).ShouldBeFalse($"{entry.Code}: English text in Arabic");
                ArabicLetters().IsMatch(text.Ar).ShouldBeTrue($"{entry.Code}: no Arabic text");
            }
            ErrorCatalogue.Placeholders(entry.Detail.Ar).Order().ShouldBe(ErrorCatalogue.Placeholders(entry.Detail.En).Order(), entry.Code);
            entry.Status.ShouldBeInRange(400, 599);
        }
        ErrorCatalogue.All.GroupBy(e => (e.Code, e.Context, e.Status)).Where(g => g.Count() > 1).Select(g => g.Key.Code)
            .ShouldBeEmpty("entries declared twice");
    }

    [Fact]
    public void Every_code_raised_in_the_sources_is_in_the_catalogue_and_every_entry_is_raised_somewhere()
    {
        var raised = RaisedCodes();

        // The patterns still find what they should: a domain rule, an API guard, an idempotency refusal, an audit code.
        raised.ShouldContain("maker_checker");
        raised.ShouldContain("card_data_refused");
        raised.ShouldContain("idempotency_key_reused");
        raised.ShouldContain("not_sealed");
        string.Join(", ", raised.Where(c => !ErrorCatalogue.Contains(c))).ShouldBeEmpty("codes raised in src/ but missing from the error catalogue");

        int[] frameworkStatuses = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503];
        var answerable = raised.Concat(frameworkStatuses.Select(ErrorCatalogue.ForStatus)).Append(InvalidJsonProblem.Code).ToHashSet();
        string.Join(", ", ErrorCatalogue.Codes.Where(c => !answerable.Contains(c))).ShouldBeEmpty("catalogue entries no source raises");
    }

    [Fact]
    public void The_errors_page_is_generated_from_the_catalogue()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "errors.md");
        var expected = ErrorsMarkdown.Render();
        if (Environment.GetEnvironmentVariable("MYGOV_WRITE_ERRORS_DOC") == "1")
        {
            File.WriteAllText(path, expected);
        }

        File.Exists(path).ShouldBeTrue("docs/errors.md is missing: regenerate it (see ErrorsMarkdown)");
        File.ReadAllText(path).ReplaceLineEndings("\n").ShouldBe(expected,
            "docs/errors.md is stale: MYGOV_WRITE_ERRORS_DOC=1 dotnet test --project tests/IntegrationTests -- --filter-class \"*ErrorCatalogueTests*\"");
        foreach (var code in ErrorCatalogue.Codes)
        {
            expected.ShouldContain($"<a id=\"{code}\"></a>");
        }
    }

    /// <summary>
    /// String literals that look like codes on the lines that raise them: Guard.Rule / new …Exception("code", …),
    /// Problem(…, "code", …) helpers, ["code"] = "code" members, RefuseAsync(…, "code", …) and new(422, "code", …).
    /// Kebab-case is matched too, so a code that is not snake_case fails as missing. One-word codes (duplicate) are
    /// recognised only right after ["code"] = or as the first argument, where a plain word cannot be anything else.
    /// </summary>
    private static HashSet<string> RaisedCodes()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var obj = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        // The catalogue's own lists declare codes rather than raise them.
        string[] declarations = ["PipelineErrors.cs", "DomainErrors.cs", "EndpointErrors.cs", "ErrorCodeChanges.cs"];
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(obj, StringComparison.Ordinal) && !declarations.Contains(Path.GetFileName(f)))
            .SelectMany(File.ReadLines)
            .Where(line => RaisingLine().IsMatch(line))
            .SelectMany(line => CodeLiteral().Matches(line).Select(m => m.Groups["code"].Value))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MyGovernment.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("MyGovernment.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?:Problem|Rule|Exception|Refusal|RefuseAsync)\(|\[""code""\]|^\s*(?:=>\s*new\()?\d{3},\s*""")]
    private static partial Regex RaisingLine();

    [GeneratedRegex(@"""(?<code>[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+)""|\[""code""\]\s*=\s*""(?<code>[a-z]+)""|(?:Problem|Rule|Exception)\(\s*(?:\d{3},\s*)?""(?<code>[a-z]+)""")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetters();
}
