using System.Collections.Concurrent;
using System.Diagnostics;
using Alba;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// What a command on a request asks PostgreSQL before it writes (issue 16). Marten's inline projections load the read-model
/// rows they update at commit, each in a round trip of its own; the command now reads them with its request, in one. Seen
/// through Npgsql's own tracing: every command or batch it sends is an activity, and the HTTP request's trace (a
/// traceparent this test chooses) tells this command's apart from everything else the shared host runs meanwhile.
/// </summary>
public sealed class CommandRoundTripTests(AppFixture app) : IDisposable
{
    private readonly ConcurrentQueue<(ActivityTraceId Trace, string Statement)> _sent = new();
    private readonly ActivityListener _listener = new();

    private void Listen()
    {
        _listener.ShouldListenTo = source => source.Name == "Npgsql";
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = activity => _sent.Enqueue((activity.TraceId, Statement(activity)));
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task A_decision_reads_only_its_requests_row_in_one_round_trip_then_writes_once()
    {
        Listen();
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "BSc Nursing" });
        var officer = Journey.Officer(app, "mol-roundtrip-" + request.Id, "MOL");
        await request.SendAsync(officer, "claim");

        var trace = ActivityTraceId.CreateRandom();
        var result = await app.Host.Scenario(s =>
        {
            s.As(officer).Post.Json(new { expectedVersion = request.Version, outcome = "Approve", note = "Meets the criteria" })
                .ToUrl($"{request.Url}/decision/propose");
            s.WithRequestHeader("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            s.StatusCodeShouldBeOk();
        });

        var statements = _sent.Where(s => s.Trace == trace).Select(s => s.Statement).ToList();
        var listing = string.Join("\n---\n", statements);
        var write = statements.FindIndex(s => s.Contains("mt_quick_append_events", StringComparison.Ordinal));
        write.ShouldBeGreaterThanOrEqualTo(0, listing);
        // One read before the write: the request's row, which the projection will update and which holds the write
        // model at the row's version; neither the stream's version nor its events are read.
        write.ShouldBe(1, listing);
        var read = statements[0];
        read.ShouldContain("mt_doc_servicerequestdetails", Case.Sensitive, listing);
        read.ShouldNotContain("mt_events", Case.Sensitive, listing);
        read.ShouldNotContain("mt_streams", Case.Sensitive, listing);
        // The request's timers are in that row: no second row is read or written per command.
        statements.ShouldNotContain(s => s.Contains("sladeadline", StringComparison.Ordinal), listing);
        // No projection loads its row again at commit.
        statements.ShouldNotContain(s => s.Contains("= ANY(", StringComparison.Ordinal), listing);
        (await request.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Approved);
        result.Context.Response.StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task A_submission_reads_its_stream_versions_in_one_statement_and_no_events()
    {
        // Twice: the first submission of a service on this node folds it; the second reads the assignment's inputs ahead.
        await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "BSc Nursing" });
        Listen();
        var trace = ActivityTraceId.CreateRandom();
        var journey = new Journey(app, "JOBSEEKER-REGISTRATION");
        await app.Host.Scenario(s =>
        {
            s.As(journey.CitizenToken).Post.Json(new { serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification = "BSc Nursing" } }).ToUrl("/api/service-requests");
            s.WithRequestHeader("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            s.StatusCodeShouldBe(201);
        });

        var statements = _sent.Where(s => s.Trace == trace).Select(s => s.Statement).ToList();
        var listing = string.Join("\n---\n", statements);
        var write = statements.FindIndex(s => s.Contains("mt_quick_append_events", StringComparison.Ordinal));
        write.ShouldBeGreaterThan(0, listing);
        var reads = statements.Take(write).ToList();
        // The service's, the calendar's and the department roster's versions in one statement, by primary key.
        reads.Sum(r => r.Split("mt_streams").Length - 1).ShouldBe(1, listing);
        reads.ShouldContain(r => r.Contains("mt_streams where id = any(", StringComparison.Ordinal), listing);
        // No stream is read event by event: the roster's fold, like the service's, is kept per version.
        reads.ShouldNotContain(r => r.Contains("mt_events", StringComparison.Ordinal), listing);
    }

    private static string Statement(Activity activity) =>
        activity.TagObjects.FirstOrDefault(t => t.Key is "db.query.text" or "db.statement").Value as string ?? activity.DisplayName;

    public void Dispose() => _listener.Dispose();
}
