using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MyGovernment.Api.Errors;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Errors;

/// <summary>
/// Whoever writes a problem (the framework, Wolverine, a guard middleware, an endpoint, the exception handler), it
/// leaves through the error catalogue: a code, the type /errors/{code}, and the title and detail in the caller's language.
/// </summary>
public sealed partial class ProblemCatalogueHttpTests(AppFixture app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string?, string?, int, string> Cases() => new()
    {
        { "GET", "/api/no-such-route", null, null, 404, "not_found" },
        { "POST", "/api/service-requests", null, "{}", 401, "unauthenticated" },
        { "POST", "/api/admin/services", "citizen", "{}", 403, "forbidden" },
        { "DELETE", "/api/services", null, null, 405, "method_not_allowed" },
        { "GET", "/api/services/NO-SUCH-SERVICE", null, null, 404, "service_not_found" },
        { "GET", $"/api/service-requests/{Guid.CreateVersion7()}", "citizen", null, 404, "request_not_found" },
        { "GET", "/api/me/requests?limit=abc", "citizen", null, 400, "bad_request" },
        { "POST", "/api/service-requests", "citizen", "{\"serviceCode\": ", 400, "invalid_json" },
        { "POST", "/dev/tokens", null, "{\"subject\": }", 400, "invalid_json" },
        { "POST", "/api/service-requests", "citizen", "{\"serviceCode\":\"NO-CRIMINAL-RECORD\",\"form\":{\"purpose\":\"4111 1111 1111 1111\"}}", 400, "card_data_refused" },
        { "POST", "/api/admin/calendar/holidays", "admin", "{\"date\":\"2001-01-01\",\"nameAr\":\"عطلة\",\"nameEn\":\"Holiday\"}", 422, "date_in_past" },
        { "GET", "/errors/no_such_code", null, null, 404, "error_code_not_found" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_kind_of_problem_has_its_catalogue_type_title_and_detail_in_both_languages(
        string method, string path, string? role, string? body, int status, string code)
    {
        var english = await ProblemAsync(method, path, role, body, "en", status);
        var arabic = await ProblemAsync(method, path, role, body, "ar", status);

        foreach (var problem in new[] { english, arabic })
        {
            problem["code"]!.GetValue<string>().ShouldBe(code);
            problem["type"]!.GetValue<string>().ShouldBe("/errors/" + code);
            problem["status"]!.GetValue<int>().ShouldBe(status);
        }
        var entry = ErrorCatalogue.Find(code, status: status)!;
        english["title"]!.GetValue<string>().ShouldBe(entry.Title.En);
        arabic["title"]!.GetValue<string>().ShouldBe(entry.Title.Ar);
        english["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        ArabicLetters().IsMatch(arabic["detail"]!.GetValue<string>()).ShouldBeTrue(arabic.ToJsonString());
    }

    [Theory]
    [InlineData("/api/service-requests", "citizen")]
    [InlineData("/dev/tokens", null)]
    public async Task A_broken_body_says_where_it_broke_in_either_language(string path, string? role)
    {
        const string broken = "{\n  \"serviceCode\": \"BIRTH-CERT\",\n  \"form\": {\"a\": tru }\n}";

        var english = await ProblemAsync("POST", path, role, broken, "en", 400);
        var arabic = await ProblemAsync("POST", path, role, broken, "ar", 400);

        english["code"]!.GetValue<string>().ShouldBe("invalid_json");
        english["line"]!.GetValue<long>().ShouldBe(3);
        english["column"]!.GetValue<long>().ShouldBeGreaterThan(1);
        var column = english["column"]!.GetValue<long>();
        english["detail"]!.GetValue<string>().ShouldStartWith($"The request body is not valid JSON: it breaks at line 3, column {column}");
        arabic["detail"]!.GetValue<string>().ShouldStartWith($"محتوى الطلب ليس JSON صالحاً: يتعطل عند السطر 3، العمود {column}");
        foreach (var text in new[] { english.ToJsonString(), arabic.ToJsonString() })
        {
            text.ShouldNotContain("isFinalBlock");
            text.ShouldNotContain("LineNumber");
            text.ShouldNotContain("BytePositionInLine");
        }
    }

    [Fact]
    public async Task An_empty_body_and_a_value_of_the_wrong_type_are_invalid_json_too()
    {
        var empty = await ProblemAsync("POST", "/api/service-requests", "citizen", "", "ar", 400);
        var wrongType = await ProblemAsync("POST", "/api/service-requests", "citizen", "{\"serviceCode\": 5}", "en", 400);

        empty["code"]!.GetValue<string>().ShouldBe("invalid_json");
        empty["detail"]!.GetValue<string>().ShouldBe(ErrorCatalogue.Find("invalid_json", InvalidJsonProblem.Empty)!.Detail.Ar);
        wrongType["code"]!.GetValue<string>().ShouldBe("invalid_json");
        wrongType["path"]!.GetValue<string>().ShouldBe("$.serviceCode");
        wrongType["detail"]!.GetValue<string>().ShouldStartWith("The value at JSON path $.serviceCode (line 1, column ");
        wrongType.ToJsonString().ShouldNotContain("MyGovernment.");
    }

    [Fact]
    public async Task A_problems_type_resolves_to_its_catalogue_entry()
    {
        var problem = await ProblemAsync("GET", "/api/services/NO-SUCH-SERVICE", null, null, "en", 404);
        using var client = app.Host.Server.CreateClient();

        var entries = JsonNode.Parse(await client.GetStringAsync(problem["type"]!.GetValue<string>(), Ct))!.AsArray();
        var all = JsonNode.Parse(await client.GetStringAsync("/errors", Ct))!.AsArray();

        entries.Single()!["code"]!.GetValue<string>().ShouldBe("service_not_found");
        entries.Single()!["title"]!["ar"]!.GetValue<string>().ShouldBe("غير موجود");
        all.Count.ShouldBe(ErrorCatalogue.All.Count);
    }

    [Theory]
    [InlineData("/api/services")]
    [InlineData("/api/calendar/holidays")]
    [InlineData("/errors/maker_checker")]
    [InlineData("/api/services/NO-SUCH-SERVICE")]
    public async Task Arabic_in_JSON_answers_is_readable_UTF8_not_escaped(string path)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("ar");

        using var response = await client.SendAsync(request, Ct);
        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct));

        ArabicLetters().IsMatch(raw).ShouldBeTrue(raw[..Math.Min(200, raw.Length)]);
        EscapedNonAscii().IsMatch(raw).ShouldBeFalse(raw[..Math.Min(200, raw.Length)]);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_catalogue_code_on_the_problem_schemas()
    {
        using var client = app.Host.Server.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json", Ct))!;

        foreach (var schema in new[] { "ProblemDetails", "ValidationProblemDetails" })
        {
            var codes = document["components"]!["schemas"]![schema]!["x-error-codes"]!.AsObject();
            codes.Select(c => c.Key).Order(StringComparer.Ordinal).ShouldBe(ErrorCatalogue.Codes.Order(StringComparer.Ordinal));
            codes["maker_checker"]!["status"]!.GetValue<int>().ShouldBe(422);
        }
    }

    private async Task<JsonNode> ProblemAsync(string method, string path, string? role, string? body, string language, int status)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        if (role is not null)
        {
            var citizen = Citizens.NewNationalId();
            var token = role == "admin" ? app.TokenFor("admin-catalogue", Roles.Admin) : app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonNode.Parse(text)!;
    }

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetters();

    // A \u escape of anything outside ASCII (Arabic is U+0600 and up).
    [GeneratedRegex(@"\\u(?!00[0-7])[0-9A-Fa-f]{4}")]
    private static partial Regex EscapedNonAscii();
}
