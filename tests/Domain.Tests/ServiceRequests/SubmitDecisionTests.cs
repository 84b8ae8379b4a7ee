using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Tests.Catalog;
using Shouldly;

namespace MyGovernment.Domain.Tests.ServiceRequests;

public sealed class SubmitDecisionTests
{
    private static readonly Guid RequestId = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private const string Applicant = "123456782";

    private static SubmitRequest Command(Dictionary<string, string?>? form = null) =>
        new(RequestId, Applicant, new Actor("citizen-1", "citizen", NationalId: Applicant), SubmissionChannel.Online, form ?? new() { ["fullName"] = "Layla Haddad" });

    [Fact]
    public void Given_a_paid_service_when_submitted_then_the_fee_in_force_is_assessed()
    {
        var events = SubmitDecision.Decide(Command(), TestCatalog.PublishedPaidService(), TestCatalog.Now, WorkingCalendar.Standard);

        events.Count.ShouldBe(2);
        var submitted = events[0].ShouldBeOfType<ServiceRequestSubmitted>();
        submitted.RequestId.ShouldBe(RequestId);
        submitted.ApplicantId.ShouldBe(Applicant);
        submitted.SubmittedAt.ShouldBe(TestCatalog.Now);
        var fee = events[1].ShouldBeOfType<FeeAssessed>();
        fee.FeeScheduleVersion.ShouldBe(1);
        fee.Total.ShouldBe(Money.Ils(20m));
    }

    [Fact]
    public void The_fee_schedule_version_in_force_on_the_local_submission_date_is_used()
    {
        var service = TestCatalog.Fold(
            TestCatalog.Definition(),
            new FeeScheduleAdopted("TEST-SERVICE", TestCatalog.Fees(1, new DateOnly(2026, 1, 1), 20m)),
            new FeeScheduleAdopted("TEST-SERVICE", TestCatalog.Fees(2, new DateOnly(2026, 4, 1), 25m)),
            new ServicePublished("TEST-SERVICE"));

        Fee(service, new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero)).FeeScheduleVersion.ShouldBe(1);
        // 22:30 UTC on 31 March is already 1 April in Palestine (UTC+3 in summer, UTC+2 in winter).
        Fee(service, new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero)).FeeScheduleVersion.ShouldBe(2);
        Fee(service, new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero)).Total.ShouldBe(Money.Ils(25m));
    }

    private static FeeAssessed Fee(Service service, DateTimeOffset at) =>
        SubmitDecision.Decide(Command(), service, at, WorkingCalendar.Standard).OfType<FeeAssessed>().Single();

    [Fact]
    public void Given_an_information_only_service_when_submitted_then_it_enters_the_first_step_queue()
    {
        var service = TestCatalog.Fold(TestCatalog.Definition(isPaid: false), new ServicePublished("TEST-SERVICE"));

        var events = SubmitDecision.Decide(Command(), service, TestCatalog.Now, WorkingCalendar.Standard);

        events.Select(e => e.GetType()).ShouldBe([typeof(ServiceRequestSubmitted), typeof(StepEntered), typeof(SlaClockStarted)]);
        var entered = (StepEntered)events[1];
        entered.DepartmentCode.ShouldBe("DEPT-A");
        entered.EligibleAt.ShouldBe(TestCatalog.Now);
        events.Aggregate((ServiceRequest?)null, ServiceRequest.Evolve)!.Status.ShouldBe(ServiceRequestStatus.InReview);
    }

    [Fact]
    public void Form_values_are_checked_against_the_field_types_and_each_bad_field_is_named()
    {
        var form = new Dictionary<string, string?>
        {
            ["birthDate"] = "31/12/1990",
            ["floors"] = "three",
            ["spouseId"] = "123456789",
            ["urgent"] = "maybe",
            ["favouriteColour"] = "blue",
        };

        var error = Should.Throw<FieldValidationException>(() => SubmitDecision.Decide(Command(form), TestCatalog.PublishedPaidService(), TestCatalog.Now, WorkingCalendar.Standard));

        error.Errors.Keys.ShouldBe(
            ["form.fullName", "form.birthDate", "form.floors", "form.spouseId", "form.urgent", "form.favouriteColour"],
            ignoreOrder: true);
    }

    [Fact]
    public void Valid_form_values_are_stored_normalised()
    {
        var form = new Dictionary<string, string?>
        {
            ["fullName"] = "  Layla Haddad ",
            ["birthDate"] = "1990-12-31",
            ["floors"] = "3.50",
            ["urgent"] = "TRUE",
            ["spouseId"] = null,
        };

        var submitted = (ServiceRequestSubmitted)SubmitDecision.Decide(Command(form), TestCatalog.PublishedPaidService(), TestCatalog.Now, WorkingCalendar.Standard)[0];

        submitted.Form.ShouldBe(new Dictionary<string, string>
        {
            ["birthDate"] = "1990-12-31",
            ["floors"] = "3.50",
            ["fullName"] = "Layla Haddad",
            ["urgent"] = "true",
        }, ignoreOrder: true);
    }

    [Fact]
    public void A_retired_service_refuses_new_requests_with_a_rule_code()
    {
        var service = TestCatalog.Fold(
            TestCatalog.Definition(), new ServicePublished("TEST-SERVICE"), new ServiceRetired("TEST-SERVICE", "Merged into another service"));

        Should.Throw<DomainException>(() => SubmitDecision.Decide(Command(), service, TestCatalog.Now, WorkingCalendar.Standard)).Code.ShouldBe("service_retired");
    }

    [Fact]
    public void An_unknown_or_unpublished_service_is_not_found()
    {
        Should.Throw<NotFoundException>(() => SubmitDecision.Decide(Command(), null, TestCatalog.Now, WorkingCalendar.Standard));
        Should.Throw<NotFoundException>(() => SubmitDecision.Decide(Command(), TestCatalog.Fold(TestCatalog.Definition()), TestCatalog.Now, WorkingCalendar.Standard));
    }

    [Fact]
    public void A_paid_service_without_a_fee_schedule_in_force_refuses_rather_than_charging_nothing()
    {
        var service = TestCatalog.Fold(
            TestCatalog.Definition(),
            new FeeScheduleAdopted("TEST-SERVICE", TestCatalog.Fees(1, new DateOnly(2027, 1, 1), 20m)),
            new ServicePublished("TEST-SERVICE"));

        Should.Throw<DomainException>(() => SubmitDecision.Decide(Command(), service, TestCatalog.Now, WorkingCalendar.Standard)).Code.ShouldBe("fee_schedule_missing");
    }

    [Fact]
    public void An_applicant_without_a_valid_national_id_or_resident_account_is_refused()
    {
        var command = Command() with { ApplicantId = "123456789" };
        Should.Throw<DomainException>(() => SubmitDecision.Decide(command, TestCatalog.PublishedPaidService(), TestCatalog.Now, WorkingCalendar.Standard))
            .Code.ShouldBe("applicant_invalid");
    }
}
