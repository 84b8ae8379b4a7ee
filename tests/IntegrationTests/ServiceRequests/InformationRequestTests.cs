using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Documents;
using MyGovernment.IntegrationTests.Support;
using Shouldly;
using Wolverine;

namespace MyGovernment.IntegrationTests.ServiceRequests;

public sealed class InformationRequestTests(AppFixture app)
{
    [Fact]
    public async Task An_information_request_pauses_the_SLA_clock_and_the_answer_moves_the_due_date()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "BSc Nursing" });
        var officer = Journey.Officer(app, "mol-officer-" + request.Id, "MOL");
        var started = await request.ReadAsync();
        started.Status.ShouldBe(ServiceRequestStatus.InReview);
        var originalDue = started.SlaDueDate!.Value;

        await request.SendAsync(officer, "claim");
        var asked = await app.Host.Scenario(s =>
        {
            s.As(officer).Post.Json(new { expectedVersion = request.Version, message = "Please attach your diploma." })
                .ToUrl($"{request.Url}/information-requests");
            s.StatusCodeShouldBe(201);
        });
        var informationRequestId = Guid.Parse(asked.Context.Response.Headers.Location.ToString().Split('/')[^1]);
        var paused = await request.ReadAsync(request.CitizenToken);
        paused.Status.ShouldBe(ServiceRequestStatus.AwaitingApplicant);
        paused.AwaitedFromApplicant!.Message.ShouldBe("Please attach your diploma.");
        paused.PausedSince.ShouldNotBeNull();

        // Another citizen cannot answer it; the officer cannot either.
        var stranger = Citizens.NewNationalId();
        await request.RefusedAsync(app.TokenFor("c-" + stranger, Roles.Citizen, nationalId: stranger),
            $"information-requests/{informationRequestId}/response", new { message = "x", documents = Array.Empty<object>() }, 404, "request_not_found");

        // While the clock is paused the SLA check finds nothing overdue, even well past the original due date.
        using (TestClock.Advance(TimeSpan.FromDays(14)))
        {
            await app.Host.Services.GetRequiredService<IMessageBus>().InvokeAsync(new CheckSla(request.Id), TestContext.Current.CancellationToken);
        }
        var stillPaused = await request.ReadAsync(request.CitizenToken);
        stillPaused.Flags.ShouldBe(RequestFlags.None, "a paused clock is never overdue");
        stillPaused.Version.ShouldBe(paused.Version, "the SLA check appended nothing");

        // The applicant answers over HTTP two calendar weeks later, with a document uploaded first: ten working days
        // paused, so the due date moves by ten.
        var content = Uploads.Pdf(120_000);
        var diploma = new DocumentReference("DIPLOMA", "diploma.pdf", "application/pdf", content.Length, await Uploads.UploadAsync(app, request.CitizenToken, content));
        using (TestClock.Advance(TimeSpan.FromDays(14)))
        {
            await request.SendAsync(request.CitizenToken, $"information-requests/{informationRequestId}/response",
                new { message = "Attached.", documents = new[] { diploma } });
        }

        var resumed = await request.ReadAsync(request.CitizenToken);
        resumed.Status.ShouldBe(ServiceRequestStatus.InReview);
        resumed.AwaitedFromApplicant.ShouldBeNull();
        var pausedDays = WorkingCalendar.Standard.WorkingDaysBetween(
            PalestineTime.LocalDate(paused.PausedSince!.Value), PalestineTime.LocalDate(paused.PausedSince.Value.AddDays(14)));
        pausedDays.ShouldBe(10);
        resumed.SlaDueDate.ShouldBe(WorkingCalendar.Standard.AddWorkingDays(originalDue, pausedDays));

        // The event holds the document's metadata and hash and the paused working days.
        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(request.Id, token: TestContext.Current.CancellationToken);
        var answered = events.Select(e => e.Data).OfType<ApplicantResponded>().Single();
        answered.PausedWorkingDays.ShouldBe(10);
        answered.NewDueDate.ShouldBe(resumed.SlaDueDate!.Value);
        answered.Documents.ShouldHaveSingleItem().ShouldBe(diploma);
    }

    [Fact]
    public async Task A_document_reference_with_a_bad_hash_is_a_400_with_the_field_named()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "BA" });
        var officer = Journey.Officer(app, "mol-officer-" + request.Id, "MOL");
        await request.SendAsync(officer, "claim");
        var asked = await app.Host.Scenario(s =>
        {
            s.As(officer).Post.Json(new { expectedVersion = request.Version, message = "Your ID card, please." }).ToUrl($"{request.Url}/information-requests");
            s.StatusCodeShouldBe(201);
        });
        await request.ReadAsync();
        var location = asked.Context.Response.Headers.Location.ToString();

        var result = await app.Host.Scenario(s =>
        {
            s.As(request.CitizenToken).Post.Json(new
            {
                expectedVersion = request.Version,
                message = "here",
                documents = new[] { new { documentType = "ID", fileName = "id.png", contentType = "image/png", sizeBytes = 10, sha256 = "nothex" } },
            }).ToUrl($"{location}/response");
            s.StatusCodeShouldBe(400);
        });
        result.ReadAsText().ShouldContain("documents[0].sha256");
    }
}
