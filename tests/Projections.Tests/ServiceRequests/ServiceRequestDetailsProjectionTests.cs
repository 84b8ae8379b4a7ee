using JasperFx.Events;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.Projections.Tests.ServiceRequests;

public sealed class ServiceRequestDetailsProjectionTests
{
    private static readonly Guid Id = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");
    private static readonly DateTimeOffset SubmittedAt = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);

    private static Event<T> At<T>(T data, long version) where T : notnull => new Event<T>(data) { Version = version, StreamId = Id };

    private static ServiceRequestSubmitted Submitted(bool isPaid) => new(
        Id, "BIRTH-CERT", new("أ", "Birth certificate"), "123456782", new Actor("citizen-1", "citizen", null, "123456782"), SubmissionChannel.Online,
        new Dictionary<string, string> { ["personNationalId"] = "123456782" }, isPaid, ["MOI-CIVIL"], false, 1, SubmittedAt);

    [Fact]
    public void A_paid_submission_then_assessment_shows_the_fee_and_awaits_payment()
    {
        var view = ServiceRequestDetailsProjection.Create(At(Submitted(true), 1));
        var assessedAt = SubmittedAt.AddSeconds(1);
        ServiceRequestDetailsProjection.Apply(
            At(new FeeAssessed(Id, 3, [new FeeLine("base", new("ر", "Fee"), Money.Ils(15m))], Money.Ils(15m), assessedAt), 2), view);

        view.Status.ShouldBe(ServiceRequestStatus.AwaitingPayment);
        view.Fee!.ScheduleVersion.ShouldBe(3);
        view.Fee.Total.ShouldBe(Money.Ils(15m));
        view.Version.ShouldBe(2);
        view.LastChangedAt.ShouldBe(assessedAt);
    }

    [Fact]
    public void Times_come_from_the_events_so_a_rebuild_gives_the_same_row()
    {
        DateTimeOffset[] stamps = [SubmittedAt, SubmittedAt.AddMinutes(5)];
        ServiceRequestDetails Build()
        {
            var view = ServiceRequestDetailsProjection.Create(At(Submitted(false), 1));
            ServiceRequestDetailsProjection.Apply(At(new StepEntered(Id, 0, "MOI-CIVIL", stamps[1]), 2), view);
            return view;
        }

        var first = Build();
        var second = Build();

        System.Text.Json.JsonSerializer.Serialize(first).ShouldBe(System.Text.Json.JsonSerializer.Serialize(second));
        first.EligibleAt.ShouldBe(stamps[1]);
        first.CurrentDepartment.ShouldBe("MOI-CIVIL");
        first.Status.ShouldBe(ServiceRequestStatus.InReview);
    }

    [Fact]
    public void An_information_request_shows_what_is_awaited_and_the_answer_clears_it_and_moves_the_due_date()
    {
        var officer = new Actor("officer-1", "officer", "MOI-CIVIL");
        var applicant = new Actor("citizen-1", "citizen", null, "123456782");
        var infoId = Guid.Parse("0190a000-0000-7000-8000-0000000000bb");
        var view = ServiceRequestDetailsProjection.Create(At(Submitted(false), 1));
        ServiceRequestDetailsProjection.Apply(At(new StepEntered(Id, 0, "MOI-CIVIL", SubmittedAt), 2), view);
        ServiceRequestDetailsProjection.Apply(At(new SlaClockStarted(Id, SubmittedAt, new DateOnly(2026, 2, 2)), 3), view);
        ServiceRequestDetailsProjection.Apply(At(new RequestAssigned(Id, 0, "MOI-CIVIL", "officer-1", AssignmentMode.Claimed, officer, SubmittedAt), 4), view);
        ServiceRequestDetailsProjection.Apply(At(new InformationRequested(Id, infoId, "Copy of ID", officer, SubmittedAt.AddHours(1)), 5), view);

        view.Status.ShouldBe(ServiceRequestStatus.AwaitingApplicant);
        view.AwaitedFromApplicant.ShouldBe(new OpenInformationRequest(infoId, "Copy of ID", SubmittedAt.AddHours(1)));
        view.AssignedTo.ShouldBe("officer-1");

        ServiceRequestDetailsProjection.Apply(At(new ApplicantResponded(Id, infoId, "Attached", [], 3, new DateOnly(2026, 2, 5), applicant, SubmittedAt.AddDays(3)), 6), view);
        view.Status.ShouldBe(ServiceRequestStatus.InReview);
        view.AwaitedFromApplicant.ShouldBeNull();
        view.SlaDueDate.ShouldBe(new DateOnly(2026, 2, 5));
        view.Version.ShouldBe(6);
    }

    [Fact]
    public void A_rejection_then_an_appeal_shows_the_decision_the_reopening_and_the_disputed_flag()
    {
        var officer = new Actor("officer-1", "officer", "MOI-CIVIL");
        var view = ServiceRequestDetailsProjection.Create(At(Submitted(false), 1));
        ServiceRequestDetailsProjection.Apply(At(new StepEntered(Id, 0, "MOI-CIVIL", SubmittedAt), 2), view);
        ServiceRequestDetailsProjection.Apply(At(new RequestRejected(Id, "ineligible", "Not eligible", null, officer, SubmittedAt.AddDays(1)), 3), view);

        view.Status.ShouldBe(ServiceRequestStatus.Rejected);
        view.Decision.ShouldBe(new DecisionDetails(DecisionOutcome.Reject, "ineligible", "Not eligible", "officer-1", null, SubmittedAt.AddDays(1))
        {
            Department = "MOI-CIVIL",
            WithinSla = null, // no SLA clock in this sequence
        });

        ServiceRequestDetailsProjection.Apply(At(new RequestReopened(Id, "Wrong record", new Actor("citizen-1", "citizen"), SubmittedAt.AddDays(2)), 4), view);
        ServiceRequestDetailsProjection.Apply(At(new StepEntered(Id, 0, "MOI-CIVIL", SubmittedAt.AddDays(2)), 5), view);
        view.Status.ShouldBe(ServiceRequestStatus.Reopened);
        view.Flags.ShouldBe(RequestFlags.Disputed);
        view.QueuedAt.ShouldBe(SubmittedAt.AddDays(2));
        view.EligibleAt.ShouldBe(SubmittedAt);
    }
}
