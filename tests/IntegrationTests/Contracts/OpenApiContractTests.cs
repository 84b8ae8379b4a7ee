using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.IntegrationTests.Support;
using Newtonsoft.Json.Linq;
using Shouldly;
using Snapshooter.Xunit3;

namespace MyGovernment.IntegrationTests.Contracts;

/// <summary>
/// The OpenAPI document is the contract client teams generate code from: it is pinned by a snapshot, and every
/// operation must say what it does, which problems it can answer with, and that it needs a token when it does.
/// </summary>
public sealed class OpenApiContractTests(AppFixture app)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task The_OpenAPI_document_does_not_change_unnoticed()
    {
        var json = await DocumentTextAsync();
        var document = JObject.Parse(json);
        // Paths and tags come out in the order the endpoint classes are discovered, which follows the code's folders:
        // sorted, moving an endpoint to another folder changes nothing here, while any change to its contract still does.
        document["paths"] = new JObject(((JObject)document["paths"]!).Properties().OrderBy(p => p.Name, StringComparer.Ordinal));
        document["tags"] = new JArray(document["tags"]!.OrderBy(t => (string?)t["name"], StringComparer.Ordinal));

        Snapshot.Match(document);
    }

    [Fact]
    public async Task The_document_is_OpenAPI_3_1_with_our_title_and_the_bearer_scheme()
    {
        var document = await DocumentAsync();

        document["openapi"]!.GetValue<string>().ShouldStartWith("3.1");
        document["info"]!["title"]!.GetValue<string>().ShouldBe("My Government API");
        document["info"]!["description"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var bearer = document["components"]!["securitySchemes"]!["Bearer"]!;
        bearer["scheme"]!.GetValue<string>().ShouldBe("bearer");
        bearer["bearerFormat"]!.GetValue<string>().ShouldBe("JWT");
    }

    [Fact]
    public async Task Every_operation_has_a_summary_tags_a_problem_response_and_security_where_it_needs_a_token()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThan(30);

        foreach (var (method, path, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            var summary = operation["summary"]?.GetValue<string>();
            summary.ShouldNotBeNullOrWhiteSpace(name);
            summary.ShouldNotContain("_api_", Case.Sensitive, $"{name} has Wolverine's generated summary");
            operation["tags"]!.AsArray().Count.ShouldBeGreaterThan(0, name);

            var problems = operation["responses"]!.AsObject()
                .Where(r => r.Key.StartsWith('4') && r.Value!["content"]?["application/problem+json"] is not null)
                .ToList();
            problems.ShouldNotBeEmpty($"{name} documents no 4xx problem response");
        }

        foreach (var (method, path) in ProtectedRoutes())
        {
            var operation = document["paths"]![path]?[method];
            operation.ShouldNotBeNull($"{method} {path} requires a token but is not in the document");
            operation["security"]!.AsArray()[0]!["Bearer"].ShouldNotBeNull($"{method} {path} requires a token but declares no bearer security");
            operation["responses"]!["401"].ShouldNotBeNull($"{method} {path} requires a token but documents no 401");
        }
    }

    [Fact]
    public async Task Commands_document_versions_validation_and_rule_failures()
    {
        var document = await DocumentAsync();

        var approve = document["paths"]!["/api/service-requests/{id}/decision/confirm"]!["post"]!;
        approve["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldContain("If-Match");
        approve["responses"]!["200"]!["headers"]!["ETag"].ShouldNotBeNull();
        foreach (var status in new[] { "400", "401", "403", "404", "409", "412", "413", "422", "429", "503" })
        {
            approve["responses"]![status].ShouldNotBeNull($"confirm decision documents no {status}");
        }
        approve["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>()
            .ShouldBe("#/components/schemas/ValidationProblemDetails");

        var submit = document["paths"]!["/api/service-requests"]!["post"]!;
        submit["responses"]!["201"]!["headers"]!["Location"].ShouldNotBeNull();
        submit["responses"]!["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>()
            .ShouldBe("#/components/schemas/ServiceRequestSubmittedResponse");

        var catalog = document["paths"]!["/api/services"]!["get"]!;
        // Anonymous: one requirement that names no scheme (security: [{}]), so a client sends no token.
        catalog["security"]!.AsArray().Single()!.AsObject().ShouldBeEmpty();
        catalog["responses"]!["404"].ShouldBeNull("a list cannot be missing");
    }

    [Fact]
    public async Task Answers_media_types_bodies_and_optional_fields_are_the_real_ones()
    {
        var document = await DocumentAsync();
        var text = document.ToJsonString();
        text.ShouldNotContain("#/components/schemas/IResult", Case.Sensitive, "an operation documents an untyped IResult answer");
        JsonNode Operation(string path, string method) => document["paths"]![path]![method]!;
        JsonNode Content(string path, string method, string status) => Operation(path, method)["responses"]![status]!["content"]!;

        Content("/api/service-requests/{id}/payment-sessions", "post", "201")["application/json"]!["schema"]!["$ref"]!.GetValue<string>()
            .ShouldBe("#/components/schemas/PaymentSessionResponse");
        Operation("/api/service-requests/{id}/payment-sessions", "post")["responses"]!["502"].ShouldNotBeNull();
        Content("/api/payments/{id}/receipt.html", "get", "200")["text/html"].ShouldNotBeNull();
        Content("/api/finance/reconciliations/{id}/items.csv", "get", "200")["text/csv"].ShouldNotBeNull();
        Content("/api/payments/{id}/timeline", "get", "200")["application/json"]!["schema"]!["type"]!.GetValue<string>().ShouldBe("array");
        Operation("/api/payments/{id}", "get")["responses"]!["304"].ShouldNotBeNull();
        Operation("/api/finance/reconciliations", "post")["requestBody"]!["content"]!["text/csv"].ShouldNotBeNull();
        Operation("/api/documents", "post")["requestBody"]!["content"]!.AsObject().Select(c => c.Key)
            .ShouldBe(["application/pdf", "image/jpeg", "image/png"], ignoreOrder: true);
        Operation("/dev/tokens", "post")["operationId"]!.GetValue<string>().ShouldBe("IssueDevelopmentToken");

        // What the API accepts without: a token without department (or without role: a client app's own token), a claim
        // with If-Match but no expectedVersion.
        var schemas = document["components"]!["schemas"]!;
        schemas["DevelopmentTokenRequest"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["subject"]);
        (schemas["ClaimServiceRequestBody"]!["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []).ShouldNotContain("expectedVersion");
        document["tags"]!.AsArray().ShouldAllBe(t => !string.IsNullOrWhiteSpace(t!["description"]!.GetValue<string>()));
        document["servers"]!.AsArray().Single()!["url"]!.GetValue<string>().ShouldBe("/");
    }

    /// <summary>Routes whose endpoint metadata demands a token, read from the routing table rather than the document.</summary>
    private IEnumerable<(string Method, string Path)> ProtectedRoutes() =>
        app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m.ToLowerInvariant(), "/" + e.RoutePattern.RawText!.TrimStart('/'))));

    private static IEnumerable<(string Method, string Path, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => Methods
            .Where(m => path.Value![m] is not null)
            .Select(m => (m, path.Key, path.Value![m]!)));

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await DocumentTextAsync())!;

    private async Task<string> DocumentTextAsync()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/openapi/v1.json");
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsTextAsync();
    }
}
