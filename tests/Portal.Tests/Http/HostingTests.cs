using System.Text.Json;
using MyGovernment.Portal.Tests.Support;
using Shouldly;

namespace MyGovernment.Portal.Tests.Http;

/// <summary>The portal and the JSON API side by side in one Development host, each with its own middleware.</summary>
public sealed class HostingTests(PortalHost host)
{
    [Fact]
    public async Task The_root_is_the_Arabic_home_page_with_a_script_free_content_security_policy()
    {
        using var http = new PortalHttp(host);
        using var response = await http.GetAsync("/", "text/html");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'none'");
        csp.ShouldContain("default-src 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task The_APIs_routes_still_answer_JSON_and_problem_details_not_portal_pages()
    {
        using var http = new PortalHttp(host);
        using var services = await http.GetAsync("/api/services", "application/json");
        services.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var missing = await http.GetAsync("/api/services/NO-SUCH-SERVICE", "application/json");
        ((int)missing.StatusCode).ShouldBe(404);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        missing.Headers.Contains("Content-Security-Policy").ShouldBeFalse("the portal's middleware does not touch API routes");
        using var health = await http.GetAsync("/health/live", "*/*");
        health.IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task A_verification_URL_gives_a_page_to_a_browser_and_JSON_to_an_app()
    {
        using var http = new PortalHttp(host);
        using var page = await http.GetAsync("/verify/documents/NO-SUCH-CODE", "text/html,application/xhtml+xml,*/*;q=0.8");
        ((int)page.StatusCode).ShouldBe(404);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        using var json = await http.GetAsync("/verify/documents/NO-SUCH-CODE", "application/json");
        ((int)json.StatusCode).ShouldBe(404);
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_receipt_verification_URL_answers_the_engines_JSON_to_an_app()
    {
        using var http = new PortalHttp(host);
        using var json = await http.GetAsync($"/verify/receipts/{Guid.CreateVersion7()}", "application/json");
        ((int)json.StatusCode).ShouldBe(404);
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        document.RootElement.GetProperty("status").GetInt32().ShouldBe(404);
    }
}
