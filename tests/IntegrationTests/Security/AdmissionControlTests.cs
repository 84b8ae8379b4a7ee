using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Hosting;
using MyGovernment.Api.Security;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// Admission control on a tiny host with the real guards and middleware in the real order (the shared fixture admits
/// 16 commands at once, which its tests never reach): a test holds the node's only place itself, then sees what a
/// command arriving meanwhile gets.
/// </summary>
public sealed class AdmissionControlTests : IAsyncDisposable
{
    private WebApplication? _app;
    private int _commandsRun;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_command_on_a_full_node_is_refused_with_503_server_busy_and_never_runs_while_reads_are_served()
    {
        var admission = await StartAsync(inProgress: 1, queued: 0, timeout: TimeSpan.FromSeconds(10));
        using (await admission.EnterAsync(Ct))
        {
            using var refused = await PostAsync();
            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
            problem.RootElement.GetProperty("code").GetString().ShouldBe("server_busy");
            _commandsRun.ShouldBe(0);

            using var read = await Client.GetAsync("/api/things", Ct);
            read.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var admitted = await PostAsync();
        admitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        _commandsRun.ShouldBe(1);
    }

    [Fact]
    public async Task A_queued_command_runs_as_soon_as_a_place_frees_and_one_beyond_the_queue_is_refused_at_once()
    {
        var admission = await StartAsync(inProgress: 1, queued: 1, timeout: TimeSpan.FromSeconds(30));
        var held = await admission.EnterAsync(Ct);
        held.ShouldNotBeNull();
        var waiting = PostAsync();
        await Task.Delay(300, Ct);
        waiting.IsCompleted.ShouldBeFalse();

        var started = DateTime.UtcNow;
        using (var beyond = await PostAsync())
        {
            beyond.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        }
        _commandsRun.ShouldBe(0);

        held.Dispose();
        using var response = await waiting;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _commandsRun.ShouldBe(1);
    }

    [Fact]
    public async Task A_command_that_waits_longer_than_the_queue_timeout_is_refused()
    {
        var admission = await StartAsync(inProgress: 1, queued: 4, timeout: TimeSpan.FromMilliseconds(400));
        using (await admission.EnterAsync(Ct))
        {
            var started = DateTime.UtcNow;
            using var refused = await PostAsync();
            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (DateTime.UtcNow - started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(350));
        }
        _commandsRun.ShouldBe(0);
    }

    [Fact]
    public async Task A_streamed_upload_takes_no_place_as_its_body_is_still_arriving()
    {
        var admission = await StartAsync(inProgress: 1, queued: 0, timeout: TimeSpan.FromSeconds(10));
        using (await admission.EnterAsync(Ct))
        {
            using var upload = new ByteArrayContent([0x25, 0x50, 0x44, 0x46]);
            upload.Headers.ContentType = new("application/pdf");
            using var response = await Client.PostAsync("/api/things", upload, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        _commandsRun.ShouldBe(1);
    }

    [Fact]
    public async Task Zero_commands_in_progress_turns_admission_off()
    {
        var admission = await StartAsync(inProgress: 0, queued: 0, timeout: TimeSpan.FromSeconds(1));
        var places = new List<IDisposable>();
        for (var i = 0; i < 50; i++)
        {
            places.Add((await admission.EnterAsync(Ct))!);
        }
        places.ShouldAllBe(p => p != null);
        using var response = await PostAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        places.ForEach(p => p.Dispose());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => _app!.GetTestClient();

    private async Task<CommandAdmission> StartAsync(int inProgress, int queued, TimeSpan timeout)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Admission:CommandsInProgress"] = inProgress.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Admission:CommandsQueued"] = queued.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Admission:QueueTimeout"] = timeout.ToString();
        builder.Services.AddProblemDetails();
        builder.AddMyGovernmentAdmission();
        _app = builder.Build();
        // The real host's order: the card guard buffers a JSON body, then admission.
        _app.UseMiddleware<CardDataGuard>();
        _app.UseMiddleware<CommandAdmissionMiddleware>();
        _app.MapGet("/api/things", () => "listed");
        _app.MapPost("/api/things", async (HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref _commandsRun);
            return "done";
        });
        await _app.StartAsync(Ct);
        return _app.Services.GetRequiredService<CommandAdmission>();
    }

    private Task<HttpResponseMessage> PostAsync() =>
        Client.PostAsync("/api/things", new StringContent("{\"name\":\"a\"}", Encoding.UTF8, "application/json"), Ct);
}
