using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Errors;

public sealed class RequestBodyLimitTests(AppFixture app)
{
    private const int OverLimit = 256 * 1024 + 1;

    private string CitizenToken()
    {
        var citizen = Citizens.NewNationalId();
        return app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);
    }

    private static string BodyOf(int bytes)
    {
        var prefix = "{\"serviceCode\":\"BIRTH-CERT\",\"form\":{\"note\":\"";
        const string suffix = "\"}}";
        return prefix + new string('x', bytes - prefix.Length - suffix.Length) + suffix;
    }

    [Fact]
    public async Task A_body_over_the_limit_with_a_declared_length_is_413_problem()
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/service-requests") { Content = new StringContent(BodyOf(OverLimit), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CitizenToken());

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await ShouldBePayloadTooLarge(response);
    }

    [Fact]
    public async Task A_streamed_body_of_unknown_length_over_the_limit_is_413_problem()
    {
        using var client = app.Host.Server.CreateClient();
        var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(BodyOf(OverLimit))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/service-requests") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CitizenToken());

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        request.Content.Headers.ContentLength.ShouldBeNull();
        await ShouldBePayloadTooLarge(response);
    }

    [Fact]
    public async Task A_body_within_the_limit_is_read_normally()
    {
        // Under the limit the body is bound and reaches the domain, which refuses the oversized form value as a field error.
        var result = await app.Host.Scenario(s =>
        {
            s.As(CitizenToken()).Post.Text(BodyOf(200 * 1024)).ToUrl("/api/service-requests");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        (await result.ReadAsJsonAsync<Journey.Problem>())!.Code.ShouldBe("validation_failed");
    }

    private static async Task ShouldBePayloadTooLarge(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"code\":\"payload_too_large\"");
    }

    /// <summary>Hides its length, so the client sends the body without a Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
