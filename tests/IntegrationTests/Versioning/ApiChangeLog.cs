using System.Text.Json;
using System.Text.Json.Serialization;

namespace MyGovernment.IntegrationTests.Versioning;

/// <summary>
/// docs/api-changes.json: the announced removals (docs/api-versioning.md). An entry names one line the breaking-change
/// check prints ("GET /api/x", "GET /api/x 200 items[].name", "enum Status: \"Paid\""), when it was announced, and
/// the sunset date from which the removal may ship.
/// </summary>
public sealed record ApiChangeLog(IReadOnlyList<AnnouncedRemoval> Removals)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public static ApiChangeLog Parse(string json) =>
        JsonSerializer.Deserialize<ApiChangeLog>(json, Options) ?? throw new InvalidDataException("docs/api-changes.json is empty");
}

public sealed record AnnouncedRemoval(string Removes, DateOnly Announced, DateOnly Sunset, string Changelog);
