using System.Text.Json.Nodes;

namespace MyGovernment.IntegrationTests.Versioning;

/// <summary>
/// Compares the current OpenAPI document with the last released one and names every removal the policy
/// (docs/api-versioning.md) does not allow: one not announced in docs/api-changes.json, one shipped before its sunset
/// date, and an operation removed without having been released as deprecated first.
/// </summary>
public static class BreakingChangeCheck
{
    public static IReadOnlyList<string> Violations(JsonNode released, JsonNode current, ApiChangeLog changes, DateOnly today)
    {
        var announced = changes.Removals.ToDictionary(r => r.Removes, StringComparer.Ordinal);
        var removedOperations = Removed(ContractFacts.Operations(released), ContractFacts.Operations(current));
        // A removed operation takes its answers with it: their properties are not reported a second time.
        var removed = removedOperations
            .Concat(Removed(ContractFacts.ResponseProperties(released), ContractFacts.ResponseProperties(current))
                .Where(p => !removedOperations.Any(o => p.StartsWith(o + " ", StringComparison.Ordinal))))
            .Concat(Removed(ContractFacts.EnumValues(released), ContractFacts.EnumValues(current))
                .Where(e => !removedOperations.Any(o => e.StartsWith($"enum {o} ?", StringComparison.Ordinal))));

        var violations = new List<string>();
        foreach (var fact in removed)
        {
            if (!announced.TryGetValue(fact, out var removal))
            {
                violations.Add($"removed without notice: {fact}");
            }
            else if (removal.Sunset > today)
            {
                violations.Add($"removed before its sunset ({removal.Sunset:yyyy-MM-dd}): {fact}");
            }
            else if (removedOperations.Contains(fact) && !WasDeprecated(released, fact))
            {
                violations.Add($"removed without a release marking it deprecated: {fact}");
            }
        }
        return violations;
    }

    private static List<string> Removed(HashSet<string> before, HashSet<string> after) =>
        before.Where(fact => !after.Contains(fact)).Order(StringComparer.Ordinal).ToList();

    private static bool WasDeprecated(JsonNode released, string operation)
    {
        var (method, path) = (operation[..operation.IndexOf(' ', StringComparison.Ordinal)], operation[(operation.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        return released["paths"]?[path]?[method.ToLowerInvariant()]?["deprecated"]?.GetValue<bool>() == true;
    }
}
