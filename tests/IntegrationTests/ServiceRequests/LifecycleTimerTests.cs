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
/// Timers are Wolverine scheduled messages stored with the events; here they are fired early by invoking them. SLA
/// deadlines are rows of the inline <see cref="SlaDeadline"/> projection, found and acted on by <see cref="SlaSweep"/>.
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

    private async Task<SlaDeadline> DeadlineAsync(Guid requestId)
    {
        await using var session = app.Store.QuerySession();
        return (await session.LoadAsync<SlaDeadline>(requestId, TestContext.Current.CancellationToken)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Submitting_a_paid_service_schedules_the_unpaid_timeout_in_the_database()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);

        var due = (await ScheduledAsync(nameof(AbandonIfUnpaid), permit.Id)).ShouldHaveSingleItem();
        var submitted = (await permit.ReadAsync()).SubmittedAt;
        due.ShouldBe(submitted.AddDays(Options.PaymentDays), TimeSpan.FromSeconds(1), "Lifecycle:PaymentDays after submission");
    }

    [Fact]
    public async Task An_unanswered_information_request_abandons_the_request_when_its_timer_fires()
    {
        var silent = await new Journey(app, "JOBSEEKER-REGISTRATION").SubmitAsync(new { qualification = "Diploma" });
        var officer = Journey.Officer(app, "mol-silent-" + silent.Id, "MOL");
        await silent.SendAsync(officer, "claim");
        var asked = await app.Host.Scenario(s =>
        {
            s.As(officer).Post.Json(new { expectedVersion = silent.Version, message = "Your diploma, please." }).ToUrl($"{silent.Url}/information-requests");
            s.StatusCodeShouldBe(201);
        });
        var informationRequestId = Guid.Parse(asked.Context.Response.Headers.Location.ToString().Split('/')[^1]);
        var paused = await silent.ReadAsync();

        var due = (await ScheduledAsync(nameof(AbandonIfNoResponse), silent.Id)).ShouldHaveSingleItem();
        due.ShouldBe(paused.PausedSince!.Value.AddDays(Options.ApplicantResponseDays), TimeSpan.FromSeconds(1), "Lifecycle:ApplicantResponseDays after the question");
        (await DeadlineAsync(silent.Id)).CheckAt.ShouldBeNull("the SLA clock is paused while the applicant is asked");
        (await ScheduledAsync(nameof(CheckSla), silent.Id)).ShouldBeEmpty("SLA deadlines are data now, not scheduled messages");

        using (TestClock.Advance(TimeSpan.FromDays(Options.ApplicantResponseDays + 1)))
        {
            await Bus.InvokeAsync(new AbandonIfNoResponse(silent.Id, informationRequestId), TestContext.Current.CancellationToken);
        }

        (await silent.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Abandoned);
        await silent.RefusedAsync(silent.CitizenToken, $"information-requests/{informationRequestId}/response",
            new { message = "Too late", documents = Array.Empty<object>() }, 422, "request_closed");
        await silent.RefusedAsync(officer, "claim", null, 422, "request_closed");
    }

    [Fact]
    public async Task An_unpaid_request_is_abandoned_when_its_timer_fires_and_a_paid_one_is_not()
    {
        var unpaid = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        var paid = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        await paid.SendAsync(app.TokenFor("finance-t", Roles.Finance, "TREASURY"), "payments", new { paymentReference = "PAY-" + paid.Id, amount = 650m });

        using (TestClock.Advance(TimeSpan.FromDays(15)))
        {
            await Bus.InvokeAsync(new AbandonIfUnpaid(unpaid.Id), TestContext.Current.CancellationToken);
            await Bus.InvokeAsync(new AbandonIfUnpaid(paid.Id), TestContext.Current.CancellationToken);
        }

        (await unpaid.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Abandoned);
        (await paid.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.InReview);
        await unpaid.RefusedAsync(unpaid.CitizenToken, "withdraw", new { reason = "too late" }, 422, "request_closed");
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
        (await ScheduledAsync(nameof(CloseAfterAppealWindow), jobseeker.Id)).ShouldContain(
            d => Math.Abs((d - rejected.Decision.At.AddDays(Options.AppealWindowDays)).TotalSeconds) < 1, "Lifecycle:AppealWindowDays after the decision");

        await jobseeker.SendAsync(jobseeker.CitizenToken, "appeal", new { grounds = "I am 19 years old; see my ID." });
        var reopened = await jobseeker.ReadAsync();
        reopened.Status.ShouldBe(ServiceRequestStatus.Reopened);
        reopened.Flags.HasFlag(RequestFlags.Disputed).ShouldBeTrue();

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
        await jobseeker.RefusedAsync(jobseeker.CitizenToken, "appeal", new { grounds = "again" }, 422, "request_closed");
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
