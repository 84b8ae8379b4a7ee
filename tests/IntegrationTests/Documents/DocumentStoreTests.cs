using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Documents;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.Documents;

/// <summary>Uploading a document's content, referencing it in an answer to an information request, and downloading it.</summary>
public sealed class DocumentStoreTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A request whose assigned officer has asked the applicant for information.</summary>
    private async Task<(Journey Request, string Officer, string AnswerAction)> AwaitingApplicantAsync()
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
        var informationRequestId = asked.Context.Response.Headers.Location.ToString().Split('/')[^1];
        return (request, officer, $"information-requests/{informationRequestId}/response");
    }

    private async Task<IReadOnlyList<CitizenDataViewed>> DocumentReadsAsync(Journey request)
    {
        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(AccessLogStreams.For(request.CitizenId), token: Ct);
        return [.. events.Select(e => e.Data).OfType<CitizenDataViewed>().Where(v => v.RequestId == request.Id && v.What == "request-document")];
    }

    [Fact]
    public async Task An_officer_downloads_the_exact_bytes_the_applicant_uploaded_and_referenced_and_the_read_is_logged()
    {
        var (request, officer, answer) = await AwaitingApplicantAsync();
        var bytes = Uploads.Pdf(300 * 1024); // over the global 256 KB body limit: only this endpoint allows more
        using (var uploaded = await Uploads.PostAsync(app, request.CitizenToken, bytes, fileName: "شهادة diploma.pdf"))
        {
            uploaded.StatusCode.ShouldBe(HttpStatusCode.Created);
            uploaded.Headers.Location!.ToString().ShouldBe($"/api/documents/{Uploads.Sha256(bytes)}");
            var body = await uploaded.Content.ReadAsStringAsync(Ct);
            body.ShouldContain($"\"sha256\":\"{Uploads.Sha256(bytes)}\"");
            body.ShouldContain($"\"size\":{bytes.Length}");
            body.ShouldContain("\"contentType\":\"application/pdf\"");
        }
        await request.SendAsync(request.CitizenToken, answer, new { message = "Attached.", documents = new[] { Uploads.Reference(bytes, fileName: "شهادة diploma.pdf") } });
        var url = $"{request.Url}/documents/{Uploads.Sha256(bytes)}";

        using (var download = await Uploads.GetAsync(app, officer, url))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            var content = await download.Content.ReadAsByteArrayAsync(Ct);
            Convert.ToHexStringLower(SHA256.HashData(content)).ShouldBe(Uploads.Sha256(bytes));
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            download.Content.Headers.ContentLength.ShouldBe(bytes.Length);
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("شهادة diploma.pdf");
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            download.Headers.ETag!.Tag.ShouldBe($"\"{Uploads.Sha256(bytes)}\"");
        }
        (await DocumentReadsAsync(request)).ShouldHaveSingleItem().Viewer.Subject.ShouldBe("mol-officer-" + request.Id);

        // The applicant's own download is not logged; a revalidation with the ETag is a 304.
        using (var own = await Uploads.GetAsync(app, request.CitizenToken, url))
        {
            own.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await own.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(bytes);
        }
        using (var again = await Uploads.GetAsync(app, request.CitizenToken, url, ifNoneMatch: $"\"{Uploads.Sha256(bytes)}\""))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        }
        (await DocumentReadsAsync(request)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Someone_elses_request_and_a_hash_the_request_does_not_reference_are_404()
    {
        var (request, officer, answer) = await AwaitingApplicantAsync();
        var referenced = Uploads.Pdf();
        var notReferenced = Uploads.Pdf();
        await Uploads.UploadAsync(app, request.CitizenToken, referenced);
        await Uploads.UploadAsync(app, request.CitizenToken, notReferenced);
        await request.SendAsync(request.CitizenToken, answer, new { message = "Attached.", documents = new[] { Uploads.Reference(referenced) } });

        var stranger = Citizens.NewNationalId();
        var strangerToken = app.TokenFor("citizen-" + stranger, Roles.Citizen, nationalId: stranger);
        var otherDepartment = Journey.Officer(app, "cd-officer-" + request.Id, "CIVIL-DEFENCE");
        foreach (var token in new[] { strangerToken, otherDepartment })
        {
            using var foreign = await Uploads.GetAsync(app, token, $"{request.Url}/documents/{Uploads.Sha256(referenced)}");
            foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using var unreferenced = await Uploads.GetAsync(app, officer, $"{request.Url}/documents/{Uploads.Sha256(notReferenced)}");
        unreferenced.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unreferenced.Content.ReadAsStringAsync(Ct)).ShouldContain("\"code\":\"document_not_found\"");
        using var garbage = await Uploads.GetAsync(app, officer, $"{request.Url}/documents/not-a-hash");
        garbage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await DocumentReadsAsync(request)).ShouldBeEmpty("refused reads are not reads");

        // Only the uploader reads an upload back through its Location.
        using var mine = await Uploads.GetAsync(app, request.CitizenToken, $"/api/documents/{Uploads.Sha256(notReferenced)}");
        (await mine.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(notReferenced);
        using var theirs = await Uploads.GetAsync(app, strangerToken, $"/api/documents/{Uploads.Sha256(notReferenced)}");
        theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Content_that_does_not_match_its_declared_type_or_a_type_not_allowed_is_refused()
    {
        var citizen = new Journey(app, "JOBSEEKER-REGISTRATION").CitizenToken;
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, Uploads.Png(), "application/pdf"), 400, "document_content_mismatch");
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, Uploads.Pdf(), "image/jpeg"), 400, "document_content_mismatch");
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "text/html"), 415, "document_type_not_allowed");
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, Encoding.UTF8.GetBytes("{\"a\":1}"), "application/json"), 415, "document_type_not_allowed");
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, [], "application/pdf"), 400, "validation_failed");
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, Uploads.Pdf(), fileName: null), 400, "validation_failed");
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, Uploads.Pdf(), fileName: "../../etc/passwd"), 400, "validation_failed");
        // Staff do not upload: only applicants answer information requests.
        using var officer = await Uploads.PostAsync(app, Journey.Officer(app, "mol-uploader", "MOL"), Uploads.Pdf());
        officer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_document_over_the_configured_limit_is_413_with_or_without_a_declared_length()
    {
        var citizen = new Journey(app, "JOBSEEKER-REGISTRATION").CitizenToken;
        var tooLarge = Uploads.Pdf((int)new Application.Documents.DocumentsOptions().MaxBytes + 1);
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, tooLarge), 413, "payload_too_large");
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, tooLarge, hideLength: true), 413, "payload_too_large");
    }

    [Fact]
    public async Task The_same_bytes_uploaded_twice_answer_the_same_and_an_idempotency_key_replays()
    {
        var citizen = new Journey(app, "JOBSEEKER-REGISTRATION").CitizenToken;
        var bytes = Uploads.Png();
        using var first = await Uploads.PostAsync(app, citizen, bytes, "image/png", "scan.png");
        using var second = await Uploads.PostAsync(app, citizen, bytes, "image/png", "renamed.png");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await first.Content.ReadAsStringAsync(Ct);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(body);
        body.ShouldContain("\"fileName\":\"scan.png\"");

        var key = Guid.NewGuid().ToString();
        var other = Uploads.Pdf();
        using var keyed = await Uploads.PostAsync(app, citizen, other, idempotencyKey: key);
        using var replayed = await Uploads.PostAsync(app, citizen, other, idempotencyKey: key);
        keyed.StatusCode.ShouldBe(HttpStatusCode.Created);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Created);
        replayed.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await replayed.Content.ReadAsStringAsync(Ct)).ShouldBe(await keyed.Content.ReadAsStringAsync(Ct));
        replayed.Headers.Location.ShouldBe(keyed.Headers.Location);
        await ShouldBeRefused(await Uploads.PostAsync(app, citizen, Uploads.Pdf(), idempotencyKey: key), 422, "idempotency_key_reused");
    }

    [Fact]
    public async Task A_card_number_inside_an_uploaded_file_is_not_scanned_for()
    {
        // The card-data guard reads JSON only; a scanned form that happens to hold 16 digits is still a valid upload.
        var bytes = Uploads.Pdf().Concat("4111 1111 1111 1111"u8.ToArray()).ToArray();
        using var response = await Uploads.PostAsync(app, new Journey(app, "JOBSEEKER-REGISTRATION").CitizenToken, bytes);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_answer_referencing_a_document_the_applicant_did_not_upload_exactly_so_is_422_and_appends_nothing()
    {
        var (request, _, answer) = await AwaitingApplicantAsync();
        var mine = Uploads.Pdf();
        await Uploads.UploadAsync(app, request.CitizenToken, mine);
        var stranger = Citizens.NewNationalId();
        var theirs = Uploads.Pdf();
        await Uploads.UploadAsync(app, app.TokenFor("citizen-" + stranger, Roles.Citizen, nationalId: stranger), theirs);

        foreach (var reference in new[]
        {
            Uploads.Reference(Uploads.Pdf()),                              // never uploaded
            Uploads.Reference(theirs),                                     // uploaded by someone else
            Uploads.Reference(mine, sizeBytes: mine.Length + 1),           // another size
            Uploads.Reference(mine, contentType: "image/png"),             // another content type
        })
        {
            await request.RefusedAsync(request.CitizenToken, answer, new { message = "Attached.", documents = new[] { Uploads.Reference(mine), reference } },
                422, "document_not_uploaded");
        }
        (await request.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.AwaitingApplicant);

        // The exact reference is accepted.
        await request.SendAsync(request.CitizenToken, answer, new { message = "Attached.", documents = new[] { Uploads.Reference(mine) } });
        (await request.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
    }

    [Fact]
    public async Task The_purge_deletes_old_unreferenced_uploads_and_keeps_referenced_and_recent_ones()
    {
        var (request, officer, answer) = await AwaitingApplicantAsync();
        var referenced = Uploads.Pdf();
        var abandoned = Uploads.Pdf();
        var recent = Uploads.Pdf();
        await Uploads.UploadAsync(app, request.CitizenToken, referenced);
        await Uploads.UploadAsync(app, request.CitizenToken, abandoned);
        await request.SendAsync(request.CitizenToken, answer, new { message = "Attached.", documents = new[] { Uploads.Reference(referenced) } });
        // Only this test's uploads are aged (moving the clock would purge other tests' fresh uploads too).
        await AgeUploadsAsync("citizen-" + request.CitizenId, TimeSpan.FromDays(8));
        await Uploads.UploadAsync(app, request.CitizenToken, recent);

        var purge = app.Host.Services.GetServices<IHostedService>().OfType<DocumentPurge>().Single();
        (await purge.PurgeAsync(Ct)).ShouldBeGreaterThanOrEqualTo(1);

        using (var gone = await Uploads.GetAsync(app, request.CitizenToken, $"/api/documents/{Uploads.Sha256(abandoned)}"))
        {
            gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var kept = await Uploads.GetAsync(app, officer, $"{request.Url}/documents/{Uploads.Sha256(referenced)}"))
        {
            (await kept.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(referenced);
        }
        using (var fresh = await Uploads.GetAsync(app, request.CitizenToken, $"/api/documents/{Uploads.Sha256(recent)}"))
        {
            fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private async Task AgeUploadsAsync(string owner, TimeSpan by)
    {
        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("update mygov.uploaded_documents set uploaded_at = uploaded_at - @by where owner = @owner", db);
        command.Parameters.AddWithValue("by", by);
        command.Parameters.AddWithValue("owner", owner);
        (await command.ExecuteNonQueryAsync(Ct)).ShouldBeGreaterThan(0);
    }

    private static async Task ShouldBeRefused(HttpResponseMessage response, int status, string code)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            ((int)response.StatusCode).ShouldBe(status, body);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            body.ShouldContain($"\"code\":\"{code}\"");
        }
    }
}
