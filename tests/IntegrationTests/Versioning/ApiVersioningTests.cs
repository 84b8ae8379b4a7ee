using System.Text.Json.Nodes;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Versioning;

/// <summary>
/// The versioning policy (docs/api-versioning.md) as a check: today's document (docs/openapi.json, which
/// ClientFreshnessTests keeps equal to the served one) may remove nothing from the last released one
/// (docs/openapi.released.json) unless the removal was announced and its sunset has passed.
/// </summary>
public sealed class ApiVersioningTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    [Fact]
    public void Todays_document_removes_nothing_from_the_released_one_without_the_procedure()
    {
        var violations = BreakingChangeCheck.Violations(Released(), Current(), Changes(), DateOnly.FromDateTime(DateTime.UtcNow));

        string.Join("\n", violations).ShouldBeEmpty(
            "a breaking change: follow docs/api-versioning.md (deprecate, announce in docs/api-changes.json, wait for the sunset), or put it back");
    }

    [Fact]
    public void The_check_reads_the_contract_it_protects()
    {
        var current = Current();

        ContractFacts.Operations(current).Count.ShouldBeGreaterThan(30);
        ContractFacts.ResponseProperties(current).ShouldContain("GET /api/service-requests/{id} 200 serviceCode");
        ContractFacts.ResponseProperties(current).ShouldContain("GET /api/me/requests 200 items[].id");
        ContractFacts.EnumValues(current).ShouldContain("enum ServiceRequestStatus: \"Withdrawn\"");
    }

    [Fact]
    public void A_removed_operation_fails_until_it_was_deprecated_announced_and_its_sunset_passed()
    {
        var released = Released();
        var current = Current();
        current["paths"]!["/api/services"]!.AsObject().Remove("get");
        const string removal = "GET /api/services";

        BreakingChangeCheck.Violations(released, current, new ApiChangeLog([]), Today)
            .ShouldBe([$"removed without notice: {removal}"]);
        BreakingChangeCheck.Violations(released, current, Announced(removal, sunset: Today.AddDays(1)), Today)
            .ShouldBe([$"removed before its sunset (2027-03-02): {removal}"]);
        BreakingChangeCheck.Violations(released, current, Announced(removal, sunset: Today), Today)
            .ShouldBe([$"removed without a release marking it deprecated: {removal}"]);

        released["paths"]!["/api/services"]!["get"]!["deprecated"] = true;
        BreakingChangeCheck.Violations(released, current, Announced(removal, sunset: Today), Today).ShouldBeEmpty();
    }

    [Fact]
    public void A_removed_response_property_fails_unless_announced()
    {
        var current = Current();
        current["components"]!["schemas"]!["ServiceRequestDetails"]!["properties"]!.AsObject().Remove("serviceCode");

        var violations = BreakingChangeCheck.Violations(Released(), current, new ApiChangeLog([]), Today);

        violations.ShouldContain("removed without notice: GET /api/service-requests/{id} 200 serviceCode");
        violations.ShouldAllBe(v => v.EndsWith("serviceCode", StringComparison.Ordinal), "only the removed property is reported, wherever an answer carries it");
        var announced = new ApiChangeLog(violations.Select(v => Removal(v["removed without notice: ".Length..], Today)).ToList());
        BreakingChangeCheck.Violations(Released(), current, announced, Today).ShouldBeEmpty();
    }

    [Fact]
    public void A_removed_enum_value_fails_unless_announced()
    {
        var current = Current();
        var values = current["components"]!["schemas"]!["ServiceRequestStatus"]!["enum"]!.AsArray();
        values.Remove(values.Single(v => v!.GetValue<string>() == "Withdrawn"));

        BreakingChangeCheck.Violations(Released(), current, new ApiChangeLog([]), Today)
            .ShouldBe(["removed without notice: enum ServiceRequestStatus: \"Withdrawn\""]);
        BreakingChangeCheck.Violations(Released(), current, Announced("enum ServiceRequestStatus: \"Withdrawn\"", Today), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Additions_are_not_breaking()
    {
        var current = Current();
        current["paths"]!["/api/new-thing"] = new JsonObject { ["get"] = new JsonObject { ["responses"] = new JsonObject() } };
        current["components"]!["schemas"]!["ServiceRequestStatus"]!["enum"]!.AsArray().Add("Archived");

        BreakingChangeCheck.Violations(Released(), current, new ApiChangeLog([]), Today).ShouldBeEmpty();
    }

    [Fact]
    public void Every_announced_removal_has_dates_in_order_and_a_changelog_entry()
    {
        var policy = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "api-versioning.md"));

        foreach (var removal in Changes().Removals)
        {
            removal.Sunset.ShouldBeGreaterThanOrEqualTo(removal.Announced.AddDays(180), $"{removal.Removes}: the policy gives clients six months");
            policy.ShouldContain(removal.Changelog, Case.Sensitive, $"{removal.Removes}: its changelog entry is not in docs/api-versioning.md");
        }
    }

    private static ApiChangeLog Announced(string removes, DateOnly sunset) => new([Removal(removes, sunset)]);

    private static AnnouncedRemoval Removal(string removes, DateOnly sunset) => new(removes, sunset.AddDays(-180), sunset, "test");

    private static JsonNode Released() => Doc("openapi.released.json");

    private static JsonNode Current() => Doc("openapi.json");

    private static ApiChangeLog Changes() => ApiChangeLog.Parse(File.ReadAllText(Path.Combine(Repository.Root(), "docs", "api-changes.json")));

    private static JsonNode Doc(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root(), "docs", name)))!;
}
