using System.Text.RegularExpressions;
using MyGovernment.Api.Errors;
using Shouldly;

namespace MyGovernment.IntegrationTests.Localization;

/// <summary>
/// Every stable error code the domain raises has an Arabic detail. The codes are read from the Domain sources, so a
/// new rule without an Arabic text fails here rather than reaching Arabic-speaking citizens in English.
/// </summary>
public sealed partial class ArabicCatalogueTests
{
    [Fact]
    public void Every_domain_error_code_has_an_Arabic_detail()
    {
        var domain = Path.Combine(RepositoryRoot(), "src", "Domain");
        var codes = Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RaisedCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .Where(c => c != "validation_failed")
            .Distinct()
            .ToList();

        codes.Count.ShouldBeGreaterThan(30, "the pattern no longer finds the domain's error codes");
        codes.Where(c => !ArabicProblemMessages.Details.ContainsKey(c)).ShouldBeEmpty("domain error codes without an Arabic detail");
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

    // Rule("code", …), Guard.Rule("code", …), new DomainException("code", …), new NotFoundException("code", …).
    [GeneratedRegex(@"(?:Rule|Exception)\(\s*""(?<code>[a-z]+(?:_[a-z]+)+)""")]
    private static partial Regex RaisedCode();
}
