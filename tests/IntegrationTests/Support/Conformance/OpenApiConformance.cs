using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace MyGovernment.IntegrationTests.Support.Conformance;

/// <summary>
/// Checks an exchange the test host answered against the OpenAPI document: the operation, its status code and media
/// type must be declared, a JSON answer must match the declared schema, and a JSON body the API accepted (2xx) must
/// match the request schema. Bodies the API refused are not held against the document: tests send them on purpose.
/// </summary>
public sealed partial class OpenApiConformance
{
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private JsonObject? _document;
    private JsonObject _definitions = [];
    private List<(string Path, Regex Pattern, int Parameters)> _paths = [];
    private int _validated;
    private int _built;

    public int Validated => _validated;

    public IReadOnlyCollection<string> Violations => _violations;

    public void Load(string documentJson)
    {
        var text = documentJson.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var document = JsonNode.Parse(text)!.AsObject();
        _definitions = document["components"]?["schemas"]?.AsObject() ?? [];
        _paths = document["paths"]!.AsObject()
            .Select(p => (p.Key, new Regex("^" + TemplateParameter().Replace(Regex.Escape(p.Key).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$"),
                p.Key.Count(c => c == '{')))
            .OrderBy(p => p.Item3)
            .ToList();
        _document = document;
    }

    /// <summary>The differences between one exchange and the document (empty when it conforms or is not an API call).</summary>
    public IReadOnlyList<string> Check(Exchange exchange)
    {
        if (_document is null || _paths.FirstOrDefault(p => p.Pattern.IsMatch(exchange.Path)) is not { Path: not null } path)
        {
            return [];
        }
        var route = $"{exchange.Method} {path.Path} ({exchange.Path}{exchange.Query})";
        if (_document["paths"]![path.Path]![exchange.Method.ToLowerInvariant()] is not JsonObject operation)
        {
            return [];
        }
        Interlocked.Increment(ref _validated);
        var found = new List<string>();
        var pointer = $"/paths/{Escape(path.Path)}/{exchange.Method.ToLowerInvariant()}";

        if (exchange.Status is >= 200 and < 300 && exchange.RequestBody.Length > 0 && IsJson(exchange.RequestMediaType))
        {
            var content = operation["requestBody"]?["content"]?.AsObject();
            if (content is null)
            {
                // The operation takes no body and the API ignored the one sent (fuzzing sends bodies to every route).
            }
            else if (!content.ContainsKey(exchange.RequestMediaType!))
            {
                found.Add($"{route}: the request body ({exchange.RequestMediaType}) is not declared");
            }
            else
            {
                found.AddRange(Validate(route, "request body", $"{pointer}/requestBody/{exchange.RequestMediaType}", content[exchange.RequestMediaType!]!["schema"], exchange.RequestBody));
            }
        }

        var responses = operation["responses"]!.AsObject();
        var status = exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = responses[status] ?? responses[status[0] + "XX"] ?? responses["default"];
        if (response is null)
        {
            found.Add($"{route}: answered {status}, which the document does not declare (declared: {string.Join(", ", responses.Select(r => r.Key))})");
        }
        else if (exchange.ResponseBody.Length > 0)
        {
            var declared = response["content"]?.AsObject();
            var media = exchange.ResponseMediaType ?? "(none)";
            if (declared is null || !declared.ContainsKey(media))
            {
                found.Add($"{route}: answered {status} as {media}, which the document does not declare (declared: {string.Join(", ", declared?.Select(c => c.Key) ?? [])})");
            }
            else if (IsJson(media))
            {
                found.AddRange(Validate(route, $"{status} answer", $"{pointer}/{status}/{media}", declared[media]!["schema"], exchange.ResponseBody));
            }
        }
        foreach (var violation in found)
        {
            _violations.Enqueue(violation);
        }
        return found;
    }

    private IEnumerable<string> Validate(string route, string what, string key, JsonNode? schemaNode, byte[] body)
    {
        if (schemaNode is null)
        {
            yield break;
        }
        if (Parse(body) is not { } instance)
        {
            yield return $"{route}: the {what} is not JSON";
            yield break;
        }
        var schema = _schemas.GetOrAdd(key, _ => Build(schemaNode));
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            yield break;
        }
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is "" ? "/" : d.InstanceLocation.ToString())}: {e.Key}: {e.Value}"))
            .Distinct()
            .Take(8);
        yield return $"{route}: the {what} does not match the document: {string.Join("; ", errors)}";
    }

    private JsonSchema Build(JsonNode schemaNode)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _definitions.DeepClone(),
            ["allOf"] = new JsonArray(schemaNode.DeepClone()),
        };
        var id = Interlocked.Increment(ref _built);
        var element = JsonDocument.Parse(root.ToJsonString()).RootElement;
        return JsonSchema.Build(element, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://conformance.test/schema/{id}"));
    }

    private static JsonElement? Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal));

    private static string Escape(string path) => path.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex TemplateParameter();
}

/// <summary>One request and its answer as the test host saw them.</summary>
public sealed record Exchange(
    string Method, string Path, string Query, string? RequestMediaType, byte[] RequestBody, int Status, string? ResponseMediaType, byte[] ResponseBody);
