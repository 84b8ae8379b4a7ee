using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace MyGovernment.IntegrationTests.Versioning;

/// <summary>
/// What a client can rely on in an OpenAPI document, as comparable lines: its operations ("GET /api/x"), the
/// properties of each success or problem answer on the wire ("GET /api/x 200 items[].name", schema names left out so
/// renaming a C# type is no change), and every enum value ("enum Status: Paid", "enum GET /api/x ?sort: newest").
/// </summary>
public static class ContractFacts
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static HashSet<string> Operations(JsonNode document) =>
        OperationsOf(document).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

    public static HashSet<string> ResponseProperties(JsonNode document)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, operation) in OperationsOf(document))
        {
            foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
            {
                foreach (var (_, media) in response?["content"]?.AsObject() ?? [])
                {
                    Properties(document, media?["schema"], $"{name} {status} ", [], facts);
                }
            }
        }
        return facts;
    }

    public static HashSet<string> EnumValues(JsonNode document)
    {
        var facts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (schemaName, schema) in document["components"]?["schemas"]?.AsObject() ?? [])
        {
            AddEnum(schema, $"enum {schemaName}", facts);
            foreach (var (property, value) in schema?["properties"]?.AsObject() ?? [])
            {
                AddEnum(value, $"enum {schemaName}.{property}", facts);
                AddEnum(value?["items"], $"enum {schemaName}.{property}[]", facts);
            }
        }
        foreach (var (name, operation) in OperationsOf(document))
        {
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                AddEnum(parameter?["schema"], $"enum {name} ?{parameter?["name"]}", facts);
            }
        }
        return facts;
    }

    private static IEnumerable<(string Name, JsonNode Operation)> OperationsOf(JsonNode document) =>
        (document["paths"]?.AsObject() ?? [])
            .SelectMany(path => Methods
                .Where(method => path.Value?[method] is not null)
                .Select(method => ($"{method.ToUpperInvariant()} {path.Key}", path.Value![method]!)));

    private static void AddEnum(JsonNode? schema, string prefix, HashSet<string> facts)
    {
        foreach (var value in schema?["enum"]?.AsArray() ?? [])
        {
            facts.Add($"{prefix}: {value?.ToJsonString() ?? "null"}");
        }
    }

    /// <summary>Walks a schema through $ref, allOf/oneOf/anyOf, items and additionalProperties; a $ref already on the way down stops the walk (recursive types).</summary>
    private static void Properties(JsonNode document, JsonNode? schema, string prefix, ImmutableStack<string> seen, HashSet<string> facts)
    {
        if (schema is not JsonObject node)
        {
            return;
        }
        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            if (!seen.Contains(reference))
            {
                Properties(document, Resolve(document, reference), prefix, seen.Push(reference), facts);
            }
            return;
        }
        foreach (var (property, value) in node["properties"]?.AsObject() ?? [])
        {
            facts.Add((prefix + property).Trim());
            Properties(document, value, prefix + property + ".", seen, facts);
        }
        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            foreach (var part in node[combinator]?.AsArray() ?? [])
            {
                Properties(document, part, prefix, seen, facts);
            }
        }
        Properties(document, node["items"], prefix.TrimEnd('.') + "[].", seen, facts);
        Properties(document, node["additionalProperties"], prefix.TrimEnd('.') + "{}.", seen, facts);
    }

    private static JsonNode? Resolve(JsonNode document, string reference) =>
        reference.StartsWith("#/", StringComparison.Ordinal)
            ? reference[2..].Split('/').Aggregate((JsonNode?)document, (node, segment) => node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)])
            : null;
}
