using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Errors;

/// <summary>
/// Refusals the framework writes itself, before any of our code runs, still have the one error shape clients rely
/// on: problem+json with a stable code, in Arabic when asked.
/// </summary>
public sealed class FrameworkProblemTests(AppFixture app)
{
    public static TheoryData<string, string, string?, HttpStatusCode, string> Cases() => new()
    {
        { "POST", "/api/service-requests", null, HttpStatusCode.Unauthorized, "unauthenticated" },
        { "POST", "/api/admin/services", "citizen", HttpStatusCode.Forbidden, "forbidden" },
        { "GET", "/api/no-such-route", null, HttpStatusCode.NotFound, "not_found" },
        { "DELETE", "/api/services", null, HttpStatusCode.MethodNotAllowed, "method_not_allowed" },
        { "GET", "/api/me/requests?limit=abc", "citizen", HttpStatusCode.BadRequest, "bad_request" },
        { "GET", "/api/me/requests?status=Bogus", "citizen", HttpStatusCode.BadRequest, "bad_request" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Framework_refusals_are_problems_with_a_code(string method, string path, string? role, HttpStatusCode status, string code)
    {
        using var client = app.Host.Server.CreateClient();
        foreach (var language in new[] { "en", "ar" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method == "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            if (role is not null)
            {
                var citizen = Citizens.NewNationalId();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen));
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(status);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            body.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
            body.RootElement.GetProperty("code").GetString().ShouldBe(code);
            var title = body.RootElement.GetProperty("title").GetString()!;
            if (language == "ar")
            {
                title.ShouldMatch(@"\p{IsArabic}");
            }
        }
    }
}
