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
        Id, "BIRTH-CERT", new("أ", "Birth certificate"), "123456782", "citizen-1", SubmissionChannel.Online,
        new Dictionary<string, string> { ["personNationalId"] = "123456782" }, isPaid, 1, SubmittedAt);

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
}
