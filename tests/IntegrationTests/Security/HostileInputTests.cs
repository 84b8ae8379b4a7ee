using System.Net;
using System.Text;
using System.Text.Json;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Security;
using MyGovernment.IntegrationTests.Documents;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// Inputs an attacker controls that once reached a 500, an internal name or a response header: each is a 4xx
/// problem with a stable code (found by probing the API; see also <see cref="QueryStringFuzzTests"/>).
/// </summary>
public sealed class HostileInputTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Auditor => app.TokenFor("auditor-hostile", Roles.Auditor);

    private async Task<(int Status, string Body)> SendAsync(HttpMethod method, string url, string token, string? json = null)
    {
        using var client = app.Host.Server.CreateClient();
        using var message = SecurityWorld.Message(method.Method, url, token, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));
        using var response = await client.SendAsync(message, Ct);
        if ((int)response.StatusCode >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static string Code(string body) => JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;

    [Fact]
    public async Task A_NUL_character_in_a_JSON_string_or_a_query_value_is_a_400_not_a_database_error()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);

        // PostgreSQL's jsonb refuses \u0000: the submission used to fail on append with a 500.
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/service-requests", token,
            """{"serviceCode":"BUILDING-PERMIT","form":{"basinNumber":"7\u0000","parcelNumber":"112","floors":"3","areaSqm":"240"}}""");
        status.ShouldBe(400, body);
        Code(body).ShouldBe("nul_character_refused");
        (status, body) = await SendAsync(HttpMethod.Post, "/api/service-requests", token, """{"serviceCode":"BUILDING-PERMIT","form":{"a\u0000":"1"}}""");
        status.ShouldBe(400, body);
        Code(body).ShouldBe("nul_character_refused");
        (await SendAsync(HttpMethod.Get, "/api/me/requests", token)).Body.ShouldContain("\"items\":[]", Case.Sensitive, "nothing was submitted");

        // ...and as a text query parameter compared in SQL.
        (status, body) = await SendAsync(HttpMethod.Get, "/api/audit/events?department=%00", Auditor);
        status.ShouldBe(400, body);
        Code(body).ShouldBe("nul_character_refused");
        (status, body) = await SendAsync(HttpMethod.Get, "/api/audit/access-log?viewer=a%00b", Auditor);
        status.ShouldBe(400, body);

        // A backslash followed by the text "u0000" is ordinary text.
        NulCharacterGuard.ContainsNul("""{"note":"C:\\u0000"}"""u8).ShouldBeFalse();
        NulCharacterGuard.ContainsNul("""{"note":"C:\u0000"}"""u8).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/finance/ledger?to=0001-01-01", "to")]
    [InlineData("/api/finance/ledger?from=9999-12-30&to=9999-12-31", "to")]
    [InlineData("/api/finance/ledger?from=0001-01-01", "from")]
    [InlineData("/api/finance/reconciliations?to=0001-01-01", "to")]
    [InlineData("/api/finance/reconciliations?to=9999-12-31", "to")]
    public async Task Finance_dates_at_the_ends_of_the_calendar_are_a_400_not_an_overflow(string url, string field)
    {
        // The default range "to minus 29 days" and the exclusive end "to plus one day" overflowed DateOnly: 500.
        var (status, body) = await SendAsync(HttpMethod.Get, url, app.TokenFor("finance-hostile", Roles.Finance, "TREASURY"));
        status.ShouldBe(400, body);
        Code(body).ShouldBe("validation_failed");
        JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
    }

    [Theory]
    [InlineData("/api/me/requests?status=abc", "status")]
    [InlineData("/api/me/requests?limit=abc", "limit")]
    [InlineData("/api/me/access-log?request=zz", "request")]
    [InlineData("/api/me/access-log?from=yesterday", "from")]
    public async Task An_unparseable_query_value_names_the_parameter_but_no_internal_type(string url, string parameter)
    {
        var citizen = Citizens.NewNationalId();
        var (status, body) = await SendAsync(HttpMethod.Get, url, app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen));

        status.ShouldBe(400, body);
        Code(body).ShouldBe("bad_request");
        body.ShouldContain($"'{parameter}'");
        body.ShouldNotContain("MyGovernment.");
        body.ShouldNotContain("System.");
    }

    [Theory]
    [InlineData("invoice\u202Efdp.exe")]
    [InlineData("plan\u2067fdp.exe")]
    [InlineData("a\r\nSet-Cookie: x=1.pdf")]
    [InlineData("../../plan.pdf")]
    public async Task A_document_file_name_with_control_bidi_override_or_path_characters_is_refused(string fileName)
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "BSc Nursing" });
        var officer = Journey.Officer(app, "mol-officer-" + request.Id, "MOL");
        await request.SendAsync(officer, "claim");
        var asked = await app.Host.Scenario(s =>
        {
            s.As(officer).Post.Json(new { expectedVersion = request.Version, message = "Please attach your diploma." }).ToUrl($"{request.Url}/information-requests");
            s.StatusCodeShouldBe(201);
        });
        await request.ReadAsync();
        var answer = $"information-requests/{asked.Context.Response.Headers.Location.ToString().Split('/')[^1]}/response";

        // The upload refuses the name (it refused control characters before, not bidirectional overrides)...
        var bytes = Uploads.Pdf();
        using (var upload = await Uploads.PostAsync(app, request.CitizenToken, bytes, fileName: fileName))
        {
            upload.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        await Uploads.UploadAsync(app, request.CitizenToken, bytes);
        // ...and so does the answer's own metadata, which names the file officers download (Content-Disposition):
        // "invoice\u202Efdp.exe" shows as "invoiceexe.pdf" and saves as an .exe.
        await request.RefusedAsync(request.CitizenToken, answer,
            new { message = "Attached.", documents = new[] { Uploads.Reference(bytes, fileName: fileName) } }, 400, "validation_failed");
    }
}
