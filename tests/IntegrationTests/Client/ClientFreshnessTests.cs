using System.Security.Cryptography;
using System.Text;
using MyGovernment.IntegrationTests.Support;
using Newtonsoft.Json.Linq;
using Shouldly;

namespace MyGovernment.IntegrationTests.Client;

/// <summary>
/// The committed client is the one scripts/generate-client.sh makes from today's document. Checked by hashes the
/// script records rather than by running Kiota here: the test needs no tool restore, no network and no generation
/// time, and a hand edit of the generated code fails it just as a stale document does.
/// </summary>
public sealed class ClientFreshnessTests(AppFixture app)
{
    private const string Regenerate = "run scripts/generate-client.sh (after accepting the OpenAPI snapshot) and commit docs/openapi.json and src/Client";

    [Fact]
    public async Task Docs_openapi_json_is_the_document_the_API_serves()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        var live = JObject.Parse(await result.ReadAsTextAsync());
        var committed = JObject.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root(), "docs", "openapi.json"), TestContext.Current.CancellationToken));

        // Order of paths and tags is not part of the contract (the snapshot sorts them too).
        string.Join("\n", Differences(Sorted(live), Sorted(committed)).Take(5))
            .ShouldBeEmpty($"docs/openapi.json differs from /openapi/v1.json: {Regenerate}");
    }

    [Fact]
    public void The_committed_client_was_generated_from_docs_openapi_json_and_not_edited_since()
    {
        var recorded = Recorded();

        recorded["document"].ShouldBe(Hash(File.ReadAllBytes(Path.Combine(Repository.Root(), "docs", "openapi.json"))),
            $"src/Client was generated from another document: {Regenerate}");
        recorded["code"].ShouldBe(CodeHash(Path.Combine(Repository.Root(), "src", "Client", "Generated")),
            $"src/Client/Generated is not what the generator wrote: {Regenerate}");
    }

    [Fact]
    public void The_code_hash_sees_a_changed_file()
    {
        var folder = Directory.CreateTempSubdirectory("mygov-client-hash-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "A.cs"), "class A {}\n");
            var before = CodeHash(folder);
            File.WriteAllText(Path.Combine(folder, "A.cs"), "class A { }\n");

            CodeHash(folder).ShouldNotBe(before);
            File.WriteAllText(Path.Combine(folder, "A.cs"), "class A {}\r\n");
            CodeHash(folder).ShouldBe(before, "line endings of a checkout are not a change");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Recorded() =>
        File.ReadAllLines(Path.Combine(Repository.Root(), "src", "Client", "generated-from.txt"))
            .Where(line => !line.StartsWith('#') && line.Contains(' ', StringComparison.Ordinal))
            .Select(line => line.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());

    /// <summary>The script's hash: one "sha256 relative/path" line per file in ordinal order, hashed.</summary>
    private static string CodeHash(string folder)
    {
        var lines = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(relative => $"{Hash(File.ReadAllBytes(Path.Combine(folder, relative)))} {relative}\n");
        return Hash(Encoding.UTF8.GetBytes(string.Concat(lines)));
    }

    /// <summary>SHA-256 without carriage returns, as the script's `tr -d '\r' | sha256sum`: a CRLF checkout is no change.</summary>
    private static string Hash(byte[] bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes.Where(b => b != (byte)'\r').ToArray()));

    /// <summary>JSON paths where the served document and the committed copy differ.</summary>
    private static IEnumerable<string> Differences(JToken served, JToken committed) => (served, committed) switch
    {
        (JObject a, JObject b) => a.Properties().Select(p => p.Name).Union(b.Properties().Select(p => p.Name))
            .SelectMany(name => a[name] is null || b[name] is null
                ? [$"{(a[name] ?? b[name])!.Path}: only in the {(a[name] is null ? "committed" : "served")} document"]
                : Differences(a[name]!, b[name]!)),
        (JArray a, JArray b) when a.Count == b.Count => a.Zip(b).SelectMany(pair => Differences(pair.First, pair.Second)),
        _ when JToken.DeepEquals(served, committed) => [],
        _ => [$"{served.Path}: served {served.ToString(Newtonsoft.Json.Formatting.None)}, committed {committed.ToString(Newtonsoft.Json.Formatting.None)}"],
    };

    private static JObject Sorted(JObject document)
    {
        var copy = (JObject)document.DeepClone();
        copy["paths"] = new JObject(((JObject)copy["paths"]!).Properties().OrderBy(p => p.Name, StringComparer.Ordinal));
        copy["tags"] = new JArray(copy["tags"]!.OrderBy(t => (string?)t["name"], StringComparer.Ordinal));
        return copy;
    }
}
