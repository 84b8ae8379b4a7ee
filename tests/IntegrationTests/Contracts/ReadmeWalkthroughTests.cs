using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Contracts;

/// <summary>
/// The README's curl walk-through, sent as written through the test host: a new client developer's first minutes must
/// work, and every exchange is checked against the OpenAPI document like the rest of the suite.
/// </summary>
public sealed class ReadmeWalkthroughTests(AppFixture app)
{
    [Fact]
    public async Task The_README_curl_walkthrough_answers_as_it_says_and_conforms_to_the_document()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Repository.Root(), "README.md"), TestContext.Current.CancellationToken);
        var commands = ShellCurl.InBlockAfter(readme, "A walk-through with curl");
        commands.Count.ShouldBe(6, "the walk-through's commands changed: update the statuses this test expects");
        var violationsBefore = app.Conformance.Violations.Count;
        using var client = app.Host.Server.CreateClient();
        var token = "";
        var requestId = "";
        var statuses = new List<HttpStatusCode>();
        var answers = new List<JsonNode?>();

        foreach (var command in commands)
        {
            string Expand(string text) => text
                .Replace("$API", "", StringComparison.Ordinal)
                .Replace("$TOKEN", token, StringComparison.Ordinal)
                .Replace("<id>", requestId, StringComparison.Ordinal)
                .Replace("$(cat /proc/sys/kernel/random/uuid)", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(command.Method), Expand(command.Url));
            foreach (var (name, value) in command.Headers.Where(h => !h.Name.Equals("content-type", StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(name, Expand(value));
            }
            if (command.Body is { } body)
            {
                request.Content = new StringContent(Expand(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            }
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            var answer = text.Length > 0 ? JsonNode.Parse(text) : null;
            answers.Add(answer);
            token = (answer as JsonObject)?["accessToken"]?.GetValue<string>() ?? token;
            requestId = response.Headers.Location?.ToString().Split('/')[^1] ?? requestId;
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.BadRequest]);
        answers[4]!["status"]!.GetValue<string>().ShouldBe("AwaitingPayment");
        answers[5]!["errors"]!.AsObject().Count.ShouldBeGreaterThan(1, "bad input answers all its field errors at once");
        app.Conformance.Violations.Skip(violationsBefore).ShouldBeEmpty("the walk-through's exchanges differ from the OpenAPI document");
    }
}
