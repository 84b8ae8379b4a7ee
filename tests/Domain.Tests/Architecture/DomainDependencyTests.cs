using System.Xml.Linq;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;

namespace MyGovernment.Domain.Tests.Architecture;

/// <summary>
/// Domain holds the rules and must stay free of infrastructure. Checked on the compiled Domain assembly itself
/// (what it really references) and on its project file (what it may pull in next). Seen failing once by adding
/// a Marten reference to src/Domain before this was trusted.
/// </summary>
public sealed class DomainDependencyTests
{
    [Fact]
    public void The_domain_assembly_references_only_the_base_class_library()
    {
        var domain = typeof(SubmitDecision).Assembly;
        domain.GetName().Name.ShouldBe("MyGovernment.Domain");

        var foreign = domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib"))
            .ToList();

        foreign.ShouldBeEmpty($"Domain references {string.Join(", ", foreign)}");
    }

    [Fact]
    public void The_domain_project_declares_no_package_or_project_references()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Domain", "MyGovernment.Domain.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include"))
            .ToList();

        references.ShouldBeEmpty();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MyGovernment.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException("MyGovernment.sln not found above " + AppContext.BaseDirectory);
    }
}
