using System.Reflection;
using System.Xml.Linq;
using Shouldly;

namespace MyGovernment.Architecture.Tests;

/// <summary>
/// The allowed arrows between our projects, and nothing else: checked on the project files (what a project may pull
/// in) and on the compiled assemblies (what it really uses). Seen failing once per rule before it was trusted (see
/// the README's architecture section).
/// </summary>
public sealed class ProjectReferenceTests
{
    /// <summary>Project file (relative to the repository root) → the projects it may reference.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Arrows = new Dictionary<string, string[]>
    {
        ["src/Domain/MyGovernment.Domain.csproj"] = [],
        ["src/Projections/MyGovernment.Projections.csproj"] = ["MyGovernment.Domain"],
        // Write flows read inline read models (the access recorder, the statement import), so Application sees Projections.
        ["src/Application/MyGovernment.Application.csproj"] = ["MyGovernment.Domain", "MyGovernment.Projections"],
        ["src/Integrity/MyGovernment.Integrity.csproj"] = ["MyGovernment.Domain", "MyGovernment.Projections"],
        // A separate system in the real world: it speaks only the provider's protocol and knows nothing of ours.
        ["src/PaymentsSandbox/MyGovernment.PaymentsSandbox.csproj"] = [],
        // The witness an audit bureau runs: outside the engine by design, so it shares none of its code (its Merkle
        // and note checks are its own) and could not be weakened by a change to ours.
        ["src/Witness/MyGovernment.Witness.csproj"] = [],
        // Likewise the SMS gateway's stand-in: only the gateway's protocol.
        ["src/SmsSandbox/MyGovernment.SmsSandbox.csproj"] = [],
        // The Api starts the witness beside itself in Development (its own port, key and state file): the arrow
        // points into the witness, never out of it.
        ["src/Api/MyGovernment.Api.csproj"] =
            ["MyGovernment.Application", "MyGovernment.Projections", "MyGovernment.Integrity", "MyGovernment.PaymentsSandbox", "MyGovernment.SmsSandbox", "MyGovernment.LocalPostgres", "MyGovernment.Web", "MyGovernment.Witness"],
        // The simulator boots the API's host with its overrides; nothing production references it.
        ["tools/Simulator/MyGovernment.Simulator.csproj"] = ["MyGovernment.Api"],
        // A PostgreSQL cluster from the machine's binaries, for the one-command start, the tests and the tools.
        ["src/LocalPostgres/MyGovernment.LocalPostgres.csproj"] = [],
        // Generated from the OpenAPI document alone: a client app gets what the contract says, not our types.
        ["src/Client/MyGovernment.Client.csproj"] = [],
        // The portal: a client app like any other, it knows the engine only through the generated client.
        ["src/Web/MyGovernment.Web.csproj"] = ["MyGovernment.Client"],
        // The portal's own process in production.
        ["src/Web.Host/MyGovernment.Web.Host.csproj"] = ["MyGovernment.Web"],
    };

    public static TheoryData<string> Projects => new(Arrows.Keys);

    [Fact]
    public void Every_production_project_has_its_arrows_declared()
    {
        var found = new[] { "src", "tools" }
            .Select(Repository.PathOf)
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        found.ShouldBe(Arrows.Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_file_references_exactly_its_allowed_projects(string project)
    {
        var declared = XDocument.Load(Repository.PathOf(project))
            .Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();

        declared.ShouldBe(Arrows[project].Order(StringComparer.Ordinal).ToList(), $"{project} declares other project references than its allowed arrows");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_compiled_assembly_uses_only_its_allowed_projects(string project)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        var used = Assembly.Load(name).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("MyGovernment.", StringComparison.Ordinal))
            .ToList();

        // What a project may use: its arrows and, through them, what they may use (Api uses Domain's types via Application).
        used.ShouldBeSubsetOf(Reachable(project), $"{name} uses {string.Join(", ", used)}");
    }

    private static HashSet<string> Reachable(string project)
    {
        var byName = Arrows.ToDictionary(a => Path.GetFileNameWithoutExtension(a.Key), a => a.Value);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Arrows[project]);
        while (pending.TryPop(out var next))
        {
            if (reached.Add(next))
            {
                foreach (var further in byName[next])
                {
                    pending.Push(further);
                }
            }
        }
        return reached;
    }
}
