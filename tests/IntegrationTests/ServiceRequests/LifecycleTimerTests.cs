using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;
using Shouldly;
using Wolverine;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// Timers are data: the SLA deadline and the start of each wait (payment, applicant response, appeal window) are
/// kept in the request's row (<see cref="RequestTimers"/>, folded by its inline projection), found and acted on by <see cref="SlaSweep"/>;
/// no command schedules a message. Messages scheduled before (older databases) still fire: invoked here directly.
/// </summary>
public sealed class LifecycleTimerTests(AppFixture app)
{
    private IMessageBus Bus => app.Host.Services.GetRequiredService<IMessageBus>();

    private LifecycleOptions Options => app.Host.Services.GetRequiredService<IOptions<LifecycleOptions>>().Value;

    private static readonly object PermitForm = new { basinNumber = "1", parcelNumber = "2", floors = "1", areaSqm = "90" };

    /// <summary>When the timers of this type for this request are due, as Wolverine stored them (scheduled, in the database).</summary>
    private async Task<List<DateTimeOffset>> ScheduledAsync(string messageType, Guid requestId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand(
            "select execution_time from mygov.wolverine_incoming_envelopes where message_type like @type and status = 'Scheduled' and position(@id in body) > 0",
            connection);
        query.Parameters.AddWithValue("type", "%" + messageType + "%");
        // The envelope body is binary; the message inside it is JSON, so the request id appears as UTF-8 bytes.
        query.Parameters.AddWithValue("id", System.Text.Encoding.UTF8.GetBytes(requestId.ToString()));
        var due = new List<DateTimeOffset>();
        await using var reader = await query.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            due.Add(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero));
        }
        return due;
    }

    /// <summary>
    /// The lifecycle timers scheduled for this request. (Other features schedule their own messages, e.g. the
    /// notifications' abandonment reminder, from the notification subscription, not from the command.)
    /// </summary>
    private async Task<List<DateTimeOffset>> TimersScheduledAsync(Guid requestId)
    {
        var due = new List<DateTimeOffset>();
        foreach (var timer in new[] { nameof(AbandonIfUnpaid), nameof(AbandonIfNoResponse), nameof(CloseAfterAppealWindow), nameof(CheckSla) })
        {
            due.AddRange(await ScheduledAsync(timer, requestId));
        }
        return due;
    }

    private async Task<RequestTimers> DeadlineAsync(Guid requestId)
    {
        await using var session = app.Store.QuerySession();
        return (await session.LoadAsync<ServiceRequestDetails>(requestId, TestContext.Current.CancellationToken)).ShouldNotBeNull().Timers;
    }

    /// <summary>
    /// Runs sweeps (as two nodes at once, the background sweep maybe a third) until the request reaches the status,
    /// or 30 seconds pass. The sweep acts at real time, so the tests start their waits in the past (in their own flow
    /// only): requests of tests running beside them are not yet due.
    /// </summary>
    private Task<ServiceRequestDetails> SweptAsync(Journey journey, ServiceRequestStatus until) => SweptAsync(journey, d => d.Status == until);

    private async Task<ServiceRequestDetails> SweptAsync(Journey journey, Func<ServiceRequestDetails, bool> until)
    {
        var sweep = app.Host.Services.GetRequiredService<SlaSweep>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ServiceRequestDetails swept;
        do
        {
            await Task.WhenAll(sweep.RunOnceAsync(TestContext.Current.CancellationToken), sweep.RunOnceAsync(TestContext.Current.CancellationToken));
            swept = await journey.ReadAsync();
        }
        while (!until(swept) && DateTime.UtcNow < deadline);
        return swept;
    }

    /// <summary>
    /// Submits in the past, then lets the sweep flag the request overdue (its SLA deadline passed long ago) before
    /// the test's next commands, which would otherwise race with the sweep's escalation and meet a version conflict.
    /// </summary>
    private async Task<Journey> SubmittedAgoAsync(int days, object form)
    {
        Journey journey;
        using (TestClock.Advance(Ago(days)))
        {
            journey = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(form);
        }
        (await SweptAsync(journey, d => d.Flags.HasFlag(RequestFlags.Overdue))).Flags.HasFlag(RequestFlags.Overdue).ShouldBeTrue("the sweep flags a request submitted that long ago");
        return journey;
    }

    private static TimeSpan Ago(int days) => -TimeSpan.FromDays(days + 1);

    private async Task<T> EventAsync<T>(Guid requestId)
    {
        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(requestId, token: TestContext.Current.CancellationToken);
        return events.Select(e => e.Data).OfType<T>().ShouldHaveSingleItem();
    }

    private async Task<Guid> AskAsync(Journey journey, string officer)
    {
        await journey.SendAsync(officer, "claim");
        var asked = await app.Host.Scenario(s =>
        {
            s.As(officer).Post.Json(new { expectedVersion = journey.Version, message = "Your diploma, please." }).ToUrl($"{journey.Url}/information-requests");
            s.StatusCodeShouldBe(201);
        });
        return Guid.Parse(asked.Context.Response.Headers.Location.ToString().Split('/')[^1]);
    }

    [Fact]
    public async Task The_timers_are_kept_in_the_requests_row_and_not_served()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        (await DeadlineAsync(permit.Id)).FeeAssessedAt.ShouldNotBeNull();

        var served = await app.Host.Scenario(s =>
        {
            s.As(permit.CitizenToken).Get.Url(permit.Url);
            s.StatusCodeShouldBe(200);
        });
        using var json = System.Text.Json.JsonDocument.Parse(await served.ReadAsTextAsync());
        json.RootElement.TryGetProperty("serviceCode", out _).ShouldBeTrue("the row itself is served");
        json.RootElement.TryGetProperty("timers", out _).ShouldBeFalse("the engine's bookkeeping is not part of the contract");
    }

    [Fact]
    public async Task A_paid_submission_keeps_its_payment_wait_as_data_and_schedules_no_message()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);

        // The wait's start, from the fee's assessment in the submission's own transaction; no envelope any more.
        (await DeadlineAsync(permit.Id)).FeeAssessedAt.ShouldNotBeNull().ShouldBe((await permit.ReadAsync()).SubmittedAt, TimeSpan.FromMilliseconds(1));
        (await TimersScheduledAsync(permit.Id)).ShouldBeEmpty("the payment timeout is data now, not a scheduled message");

        await permit.SendAsync(app.TokenFor("finance-d", Roles.Finance, "TREASURY"), "payments", new { paymentReference = "PAY-" + permit.Id, amount = 650m });
        (await DeadlineAsync(permit.Id)).FeeAssessedAt.ShouldBeNull("paid: nothing to wait for");
        (await TimersScheduledAsync(permit.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_sweep_abandons_a_request_unpaid_for_the_configured_days_and_not_a_paid_one()
    {
        Journey unpaid, paid;
        using (TestClock.Advance(Ago(Options.PaymentDays)))
        {
            unpaid = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        }
        // A day short of the limit: the sweep runs on real time, so a request submitted a whole window ago could be
        // abandoned between its submission and its payment. Paying ends the wait itself (checked below), so its age
        // no longer matters.
        using (TestClock.Advance(-TimeSpan.FromDays(Options.PaymentDays - 1)))
        {
            paid = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
            await paid.SendAsync(app.TokenFor("finance-t", Roles.Finance, "TREASURY"), "payments", new { paymentReference = "PAY-" + paid.Id, amount = 650m });
        }
        (await DeadlineAsync(paid.Id)).FeeAssessedAt.ShouldBeNull("paid: nothing for the sweep to abandon, however old");

        (await SweptAsync(unpaid, ServiceRequestStatus.Abandoned)).Status.ShouldBe(ServiceRequestStatus.Abandoned);
        (await EventAsync<RequestAbandoned>(unpaid.Id)).Reason.ShouldBe(AbandonReason.PaymentNotReceived);
        (await DeadlineAsync(unpaid.Id)).FeeAssessedAt.ShouldBeNull("ended: the sweep does not look at it again");
        (await paid.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
        await unpaid.RefusedAsync(unpaid.CitizenToken, "withdraw", new { reason = "too late" }, 422, "request_closed");
    }

    [Fact]
    public async Task An_information_request_keeps_its_wait_as_data_and_schedules_no_message()
    {
        var asked = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Diploma" });
        var officer = Journey.Officer(app, "mol-asks-" + asked.Id, "MOL");
        var informationRequestId = await AskAsync(asked, officer);

        var row = await DeadlineAsync(asked.Id);
        row.InformationRequestedAt.ShouldNotBeNull().ShouldBe((await asked.ReadAsync()).PausedSince!.Value, TimeSpan.FromMilliseconds(1));
        row.InformationRequestId.ShouldBe(informationRequestId);
        row.CheckAt.ShouldBeNull("the SLA clock is paused while the applicant is asked");
        (await TimersScheduledAsync(asked.Id)).ShouldBeEmpty("the response timeout is data now, not a scheduled message");

        await asked.SendAsync(asked.CitizenToken, $"information-requests/{informationRequestId}/response", new { message = "Attached", documents = Array.Empty<object>() });
        row = await DeadlineAsync(asked.Id);
        row.InformationRequestedAt.ShouldBeNull("answered");
        row.InformationRequestId.ShouldBeNull();
    }

    [Fact]
    public async Task The_sweep_abandons_a_request_whose_applicant_never_answered()
    {
        var silent = await SubmittedAgoAsync(Options.ApplicantResponseDays, new { qualification = "Diploma" });
        var officer = Journey.Officer(app, "mol-silent-" + silent.Id, "MOL");
        Guid informationRequestId;
        using (TestClock.Advance(Ago(Options.ApplicantResponseDays)))
        {
            informationRequestId = await AskAsync(silent, officer);
        }

        (await SweptAsync(silent, ServiceRequestStatus.Abandoned)).Status.ShouldBe(ServiceRequestStatus.Abandoned);
        (await EventAsync<RequestAbandoned>(silent.Id)).Reason.ShouldBe(AbandonReason.ApplicantDidNotRespond);
        (await DeadlineAsync(silent.Id)).InformationRequestedAt.ShouldBeNull();
        await silent.RefusedAsync(silent.CitizenToken, $"information-requests/{informationRequestId}/response",
            new { message = "Too late", documents = Array.Empty<object>() }, 422, "request_closed");
        await silent.RefusedAsync(officer, "claim", null, 422, "request_closed");
    }

    [Fact]
    public async Task A_rejected_request_can_be_appealed_within_the_window_and_closes_after_it()
    {
        var jobseeker = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "None" });
        var officer = Journey.Officer(app, "mol-rej-" + jobseeker.Id, "MOL");
        await jobseeker.SendAsync(officer, "claim");
        await jobseeker.RefusedAsync(officer, "decision/propose", new { outcome = "Reject", note = "no reason code" }, 422, "reason_code_required");
        await jobseeker.SendAsync(officer, "decision/propose", new { outcome = "Reject", reasonCode = "ineligible", note = "Not of working age" });
        var rejected = await jobseeker.ReadAsync();
        rejected.Decision!.ReasonCode.ShouldBe("ineligible");
        (await DeadlineAsync(jobseeker.Id)).DecidedAt.ShouldNotBeNull().ShouldBe(rejected.Decision.At, TimeSpan.FromMilliseconds(1), "the appeal window runs from the decision");
        (await TimersScheduledAsync(jobseeker.Id)).ShouldBeEmpty("closing is data now, not a scheduled message");

        await jobseeker.SendAsync(jobseeker.CitizenToken, "appeal", new { grounds = "I am 19 years old; see my ID." });
        var reopened = await jobseeker.ReadAsync();
        reopened.Status.ShouldBe(ServiceRequestStatus.Reopened);
        reopened.Flags.HasFlag(RequestFlags.Disputed).ShouldBeTrue();
        (await DeadlineAsync(jobseeker.Id)).DecidedAt.ShouldBeNull("appealed: the window no longer runs");

        // A message scheduled before timers became data (older databases) still fires and still decides correctly.
        await jobseeker.SendAsync(officer, "claim");
        await jobseeker.SendAsync(officer, "decision/propose", new { outcome = "Reject", reasonCode = "invalid-information", note = "ID does not match" });
        using (TestClock.Advance(TimeSpan.FromDays(10)))
        {
            await Bus.InvokeAsync(new CloseAfterAppealWindow(jobseeker.Id), TestContext.Current.CancellationToken);
        }
        (await jobseeker.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Rejected);
        using (TestClock.Advance(TimeSpan.FromDays(31)))
        {
            await Bus.InvokeAsync(new CloseAfterAppealWindow(jobseeker.Id), TestContext.Current.CancellationToken);
        }
        (await jobseeker.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Closed);
        (await DeadlineAsync(jobseeker.Id)).DecidedAt.ShouldBeNull("closed");
        await jobseeker.RefusedAsync(jobseeker.CitizenToken, "appeal", new { grounds = "again" }, 422, "request_closed");
    }

    [Fact]
    public async Task An_approval_and_its_issued_document_schedule_no_message_and_the_sweep_closes_decisions_after_the_appeal_window()
    {
        var approved = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Diploma" });
        var officer = Journey.Officer(app, "mol-appr-" + approved.Id, "MOL");
        await approved.SendAsync(officer, "claim");
        await approved.SupplyDocumentsAsync(app);
        await approved.SendAsync(officer, "decision/propose", new { outcome = "Approve", note = "Eligible" });
        (await approved.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Approved);
        (await DeadlineAsync(approved.Id)).DecidedAt.ShouldBeNull("approved, not yet issued: nothing to appeal yet");
        await approved.SendAsync(officer, "issue");
        (await approved.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Issued);
        (await DeadlineAsync(approved.Id)).DecidedAt.ShouldNotBeNull().ShouldBe((await EventAsync<DocumentIssued>(approved.Id)).At, TimeSpan.FromMilliseconds(1));
        (await TimersScheduledAsync(approved.Id)).ShouldBeEmpty("issuing the document writes no scheduled envelope any more");

        var issued = await SubmittedAgoAsync(Options.AppealWindowDays, new { qualification = "Diploma" });
        var rejected = await SubmittedAgoAsync(Options.AppealWindowDays, new { qualification = "None" });
        using (TestClock.Advance(Ago(Options.AppealWindowDays)))
        {
            var past = Journey.Officer(app, "mol-window-" + issued.Id, "MOL");
            await issued.SendAsync(past, "claim");
            await issued.SupplyDocumentsAsync(app);
            await issued.SendAsync(past, "decision/propose", new { outcome = "Approve", note = "Eligible" });
            await issued.SendAsync(past, "issue");
            await rejected.SendAsync(past, "claim");
            await rejected.SendAsync(past, "decision/propose", new { outcome = "Reject", reasonCode = "ineligible", note = "No" });
        }

        (await SweptAsync(issued, ServiceRequestStatus.Closed)).Status.ShouldBe(ServiceRequestStatus.Closed);
        (await SweptAsync(rejected, ServiceRequestStatus.Closed)).Status.ShouldBe(ServiceRequestStatus.Closed);
        (await EventAsync<RequestClosed>(rejected.Id)).Outcome.ShouldBe(ServiceRequestStatus.Rejected);
        (await DeadlineAsync(issued.Id)).DecidedAt.ShouldBeNull();
        (await approved.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Issued, "its window has not passed");
    }

    [Fact]
    public async Task An_overdue_request_is_flagged_and_escalated_once()
    {
        var request = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Diploma" });
        // The sweep's deadline: the first moment after the due date, Palestinian local time, kept in the submission's transaction.
        (await DeadlineAsync(request.Id)).CheckAt.ShouldBe(LifecycleDecisions.OverdueFrom((await request.ReadAsync()).SlaDueDate!.Value));
        using (TestClock.Advance(TimeSpan.FromDays(2)))
        {
            await Bus.InvokeAsync(new CheckSla(request.Id), TestContext.Current.CancellationToken);
        }
        (await request.ReadAsync()).Flags.ShouldBe(RequestFlags.None);

        using (TestClock.Advance(TimeSpan.FromDays(12)))
        {
            await Bus.InvokeAsync(new CheckSla(request.Id), TestContext.Current.CancellationToken);
            await Bus.InvokeAsync(new CheckSla(request.Id), TestContext.Current.CancellationToken);
        }
        var overdue = await request.ReadAsync();
        overdue.Flags.ShouldBe(RequestFlags.Overdue | RequestFlags.Escalated);
        overdue.Version.ShouldBe(5);

        // Flagged once: the deadline is gone, so no sweep looks at it again; no message was ever scheduled for it. The
        // escalation goes to the holding department, whose supervisor finds it among the overdue requests of the queue.
        (await DeadlineAsync(request.Id)).CheckAt.ShouldBeNull();
        (await ScheduledAsync(nameof(CheckSla), request.Id)).ShouldBeEmpty();
        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(request.Id, token: TestContext.Current.CancellationToken);
        events.Select(e => e.Data).OfType<RequestEscalated>().ShouldHaveSingleItem().DepartmentCode.ShouldBe("MOL");
        var supervisor = Journey.Officer(app, "mol-sla-supervisor", "MOL", Roles.Supervisor);
        var queue = await app.Host.Scenario(s => s.As(supervisor).Get.Url("/api/departments/MOL/queue?overdue=true&limit=100"));
        (await queue.ReadAsJsonAsync<Page<QueueItem>>())!.Items.ShouldContain(
            i => i.Id == request.Id && i.Flags.HasFlag(RequestFlags.Escalated));
    }

    [Fact]
    public async Task The_sweep_flags_a_request_past_its_deadline_and_two_nodes_sweeping_at_once_escalate_it_once()
    {
        // Submitted a month ago (in this test's flow only), so its deadline has passed in real time, the time the
        // background sweep and the two sweeps below see; requests of tests running beside it are not yet due.
        Journey late;
        using (TestClock.Advance(-TimeSpan.FromDays(30)))
        {
            late = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Diploma" });
        }
        var sweep = app.Host.Services.GetRequiredService<SlaSweep>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ServiceRequestDetails flagged;
        do
        {
            // Two nodes' sweeps at once (the background sweep may be a third): one holds the lock, each decision re-reads
            // its stream and appends under a version check, so however they interleave the request is flagged once.
            await Task.WhenAll(sweep.RunOnceAsync(TestContext.Current.CancellationToken), sweep.RunOnceAsync(TestContext.Current.CancellationToken));
            flagged = await late.ReadAsync();
        }
        while (!flagged.Flags.HasFlag(RequestFlags.Overdue) && DateTime.UtcNow < deadline);

        flagged.Flags.ShouldBe(RequestFlags.Overdue | RequestFlags.Escalated);
        flagged.Version.ShouldBe(5);
        await using var session = app.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(late.Id, token: TestContext.Current.CancellationToken);
        var marked = events.Select(e => e.Data).OfType<RequestMarkedOverdue>().ShouldHaveSingleItem();
        marked.DueDate.ShouldBe(flagged.SlaDueDate!.Value);
        // Decided by the sweep at real time, after the deadline it found.
        marked.At.ShouldBeGreaterThanOrEqualTo(LifecycleDecisions.OverdueFrom(marked.DueDate));
        events.Select(e => e.Data).OfType<RequestEscalated>().ShouldHaveSingleItem().DepartmentCode.ShouldBe("MOL");
        (await DeadlineAsync(late.Id)).CheckAt.ShouldBeNull();

        // A further sweep finds nothing more to do for it.
        await sweep.RunOnceAsync(TestContext.Current.CancellationToken);
        (await late.ReadAsync()).Version.ShouldBe(5);
    }

    [Fact]
    public async Task The_applicant_can_withdraw_before_a_decision_and_a_referral_goes_out_and_back()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        await permit.SendAsync(app.TokenFor("finance-w", Roles.Finance, "TREASURY"), "payments", new { paymentReference = "PAY-" + permit.Id, amount = 650m });
        var molg = Journey.Officer(app, "molg-ref-" + permit.Id, "MOLG");
        var moj = Journey.Officer(app, "moj-ref-" + permit.Id, "MOJ");
        await permit.SendAsync(molg, "claim");
        await permit.SendAsync(molg, "referrals", new { toDepartment = "MOJ", reason = "Ownership dispute on the parcel?" });
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Referred);
        await permit.RefusedAsync(molg, "steps/complete", new { note = "x" }, 422, "invalid_status");
        await permit.SendAsync(moj, "referrals/return", new { opinion = "No dispute registered." });
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);

        var stranger = Citizens.NewNationalId();
        await permit.RefusedAsync(app.TokenFor("c-" + stranger, Roles.Citizen, nationalId: stranger), "withdraw", new { reason = "x" }, 404, "request_not_found");
        await permit.SendAsync(permit.CitizenToken, "withdraw", new { reason = "Changed my plans" });
        (await permit.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Withdrawn);
        await permit.RefusedAsync(molg, "steps/complete", new { note = "x" }, 422, "request_closed");
    }

    [Fact]
    public async Task An_officer_can_never_act_on_their_own_request_and_an_assisted_submitter_cannot_decide()
    {
        // The officer applies as a citizen with their own national ID, then tries to handle it at work.
        var officerNationalId = Citizens.NewNationalId();
        var ownRequest = new Journey(app, "JOBSEEKER-REGISTRATION");
        var citizenSelf = app.TokenFor("person-" + officerNationalId, Roles.Citizen, nationalId: officerNationalId);
        var created = await app.Host.Scenario(s =>
        {
            s.As(citizenSelf).Post.Json(new { serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification = "MBA" } }).ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(201);
        });
        var url = created.Context.Response.Headers.Location.ToString();
        var atWork = app.TokenFor("officer-" + officerNationalId, Roles.Officer, "MOL", officerNationalId);
        var claim = await app.Host.Scenario(s =>
        {
            s.As(atWork).Post.Json(new { expectedVersion = 3 }).ToUrl($"{url}/claim");
            s.StatusCodeShouldBe(422);
        });
        claim.ReadAsText().ShouldContain("self_dealing");

        // Assisted channel: a service-centre officer submits for a citizen; that officer may not take it.
        var centreOfficer = Journey.Officer(app, "centre-officer-" + Guid.NewGuid(), "MOL");
        var assisted = await app.Host.Scenario(s =>
        {
            s.As(centreOfficer).Post.Json(new { applicantNationalId = Citizens.NewNationalId(), serviceCode = "JOBSEEKER-REGISTRATION", form = new { qualification = "Tawjihi" } })
                .ToUrl("/api/assisted/service-requests");
            s.StatusCodeShouldBe(201);
        });
        var assistedUrl = assisted.Context.Response.Headers.Location.ToString();
        var refused = await app.Host.Scenario(s =>
        {
            s.As(centreOfficer).Post.Json(new { expectedVersion = 3 }).ToUrl($"{assistedUrl}/claim");
            s.StatusCodeShouldBe(422);
        });
        refused.ReadAsText().ShouldContain("assisted_submitter");
    }
}
