using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using Shouldly;

namespace MyGovernment.Domain.Tests.Catalog;

public sealed class CatalogDecisionsTests
{
    // 28 November 2026, 01:12 in Palestine while still 27 November in UTC: business dates are local.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 23, 12, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly IReadOnlySet<string> Departments = new HashSet<string> { "DEPT-A", "DEPT-B" };
    private static readonly FeeLine Base = new("base", new("رسم", "Fee"), Money.Ils(20m));

    private static Service Draft(bool isPaid = true) => TestCatalog.Fold(TestCatalog.Definition(isPaid));

    private static Service WithFees(params FeeSchedule[] schedules) =>
        TestCatalog.Fold([TestCatalog.Definition(), .. schedules.Select(s => new FeeScheduleAdopted("TEST-SERVICE", s))]);

    [Fact]
    public void Registering_a_department_stores_the_code_upper_case_and_trims_the_names()
    {
        var registered = CatalogDecisions.RegisterDepartment("mol", new(" وزارة العمل ", "Ministry of Labour "));

        registered.ShouldBe(new DepartmentRegistered("MOL", "وزارة العمل", "Ministry of Labour"));
    }

    [Fact]
    public void Given_registered_departments_when_a_service_is_defined_then_codes_are_canonical()
    {
        var proposed = TestCatalog.Definition() with
        {
            Code = "test-service", DepartmentCode = "dept-a", Workflow = [new("dept-a", new("أ", "A")), new("DEPT-B", new("ب", "B"))],
        };

        var defined = CatalogDecisions.DefineService(proposed, Departments);

        defined.Code.ShouldBe("TEST-SERVICE");
        defined.DepartmentCode.ShouldBe("DEPT-A");
        defined.Workflow.Select(s => s.DepartmentCode).ShouldBe(["DEPT-A", "DEPT-B"]);
        defined.Fields.ShouldBe(proposed.Fields);
    }

    [Fact]
    public void A_service_naming_unregistered_departments_is_refused_with_each_field_named()
    {
        var proposed = TestCatalog.Definition(true, new WorkflowStep("DEPT-A", new("أ", "A")), new WorkflowStep("NOWHERE", new("ب", "B")))
            with { DepartmentCode = "GHOST" };

        var error = Should.Throw<FieldValidationException>(() => CatalogDecisions.DefineService(proposed, Departments));

        error.Errors.Keys.ShouldBe(["departmentCode", "workflow[1].DepartmentCode"], ignoreOrder: true);
    }

    [Fact]
    public void A_service_without_workflow_or_sla_is_refused()
    {
        Code(() => CatalogDecisions.DefineService(TestCatalog.Definition() with { Workflow = [] }, Departments)).ShouldBe("workflow_required");
        Code(() => CatalogDecisions.DefineService(TestCatalog.Definition() with { SlaWorkingDays = 0 }, Departments)).ShouldBe("sla_required");
    }

    [Fact]
    public void The_first_fee_schedule_is_version_one_and_the_next_is_previous_plus_one()
    {
        var first = CatalogDecisions.AdoptFeeSchedule(Draft(), Today, [Base], Now);
        first.Schedule.Version.ShouldBe(1);
        first.Schedule.EffectiveFrom.ShouldBe(Today);

        var next = CatalogDecisions.AdoptFeeSchedule(TestCatalog.Fold(TestCatalog.Definition(), first), Today.AddDays(30), [Base], Now);
        next.ShouldBe(new FeeScheduleAdopted("TEST-SERVICE", new FeeSchedule(2, Today.AddDays(30), [Base])), new FeeScheduleComparer());
    }

    [Fact]
    public void A_fee_schedule_may_not_take_effect_before_the_local_date_today()
    {
        // Yesterday in Palestine is still "today" in UTC: the local date decides.
        Code(() => CatalogDecisions.AdoptFeeSchedule(Draft(), new DateOnly(2026, 11, 27), [Base], Now)).ShouldBe("effective_date_in_past");
    }

    [Fact]
    public void A_fee_schedule_may_not_take_effect_before_the_latest_version()
    {
        var service = WithFees(TestCatalog.Fees(1, Today.AddDays(10), 20m));

        Code(() => CatalogDecisions.AdoptFeeSchedule(service, Today.AddDays(9), [Base], Now)).ShouldBe("effective_date_before_latest");
        CatalogDecisions.AdoptFeeSchedule(service, Today.AddDays(10), [Base], Now).Schedule.Version.ShouldBe(2);
    }

    [Fact]
    public void Fee_lines_must_be_positive_in_one_supported_currency_with_unique_codes()
    {
        Code(() => CatalogDecisions.AdoptFeeSchedule(Draft(), Today, [], Now)).ShouldBe("fee_lines_required");
        Code(() => CatalogDecisions.AdoptFeeSchedule(Draft(), Today, [Base with { Amount = Money.Ils(0m) }], Now)).ShouldBe("invalid_fee_lines");
        Code(() => CatalogDecisions.AdoptFeeSchedule(Draft(), Today, [Base, new FeeLine("x", Base.Name, new Money(5m, "USD"))], Now)).ShouldBe("invalid_fee_lines");
        Code(() => CatalogDecisions.AdoptFeeSchedule(Draft(), Today, [Base with { Amount = new Money(5m, "EUR") }], Now)).ShouldBe("invalid_fee_lines");
        Code(() => CatalogDecisions.AdoptFeeSchedule(Draft(), Today, [Base, Base], Now)).ShouldBe("invalid_fee_lines");
        CatalogDecisions.AdoptFeeSchedule(Draft(), Today, [Base with { Amount = new Money(7.5m, "JOD") }], Now).Schedule.Total().ShouldBe(new Money(7.5m, "JOD"));
    }

    [Fact]
    public void Fee_schedules_are_refused_for_unknown_free_or_retired_services()
    {
        Should.Throw<NotFoundException>(() => CatalogDecisions.AdoptFeeSchedule(null, Today, [Base], Now)).Code.ShouldBe("service_not_found");
        Code(() => CatalogDecisions.AdoptFeeSchedule(Draft(isPaid: false), Today, [Base], Now)).ShouldBe("service_not_paid");
        var retired = TestCatalog.Fold(TestCatalog.Definition(), new ServiceRetired("TEST-SERVICE", "gone"));
        Code(() => CatalogDecisions.AdoptFeeSchedule(retired, Today, [Base], Now)).ShouldBe("service_retired");
    }

    [Fact]
    public void Given_a_paid_draft_with_fees_in_force_when_published_then_it_is_published()
    {
        CatalogDecisions.Publish(WithFees(TestCatalog.Fees(1, Today, 20m)), Now).ShouldBe([new ServicePublished("TEST-SERVICE")]);
        CatalogDecisions.Publish(Draft(isPaid: false), Now).ShouldBe([new ServicePublished("TEST-SERVICE")]);
    }

    [Fact]
    public void A_paid_service_is_not_published_until_a_fee_schedule_is_in_force()
    {
        Code(() => CatalogDecisions.Publish(Draft(), Now)).ShouldBe("fee_schedule_required");
        Code(() => CatalogDecisions.Publish(WithFees(TestCatalog.Fees(1, Today.AddDays(1), 20m)), Now)).ShouldBe("fee_schedule_required");
    }

    [Fact]
    public void Publishing_twice_yields_no_events_and_a_retired_service_is_not_published_again()
    {
        CatalogDecisions.Publish(TestCatalog.PublishedPaidService(), Now).ShouldBeEmpty();
        var retired = TestCatalog.Fold(TestCatalog.Definition(false), new ServiceRetired("TEST-SERVICE", "gone"));
        Code(() => CatalogDecisions.Publish(retired, Now)).ShouldBe("service_retired");
        Should.Throw<NotFoundException>(() => CatalogDecisions.Publish(null, Now));
    }

    [Fact]
    public void Retiring_records_the_trimmed_reason_once()
    {
        CatalogDecisions.Retire(TestCatalog.PublishedPaidService(), " Replaced by e-service ").ShouldBe([new ServiceRetired("TEST-SERVICE", "Replaced by e-service")]);
        var retired = TestCatalog.Fold(TestCatalog.Definition(), new ServiceRetired("TEST-SERVICE", "gone"));
        CatalogDecisions.Retire(retired, "again").ShouldBeEmpty();
        retired.Status.ShouldBe(ServiceStatus.Retired);
    }

    [Fact]
    public void Retiring_needs_a_reason_and_an_existing_service()
    {
        Code(() => CatalogDecisions.Retire(Draft(), "  ")).ShouldBe("reason_required");
        Should.Throw<NotFoundException>(() => CatalogDecisions.Retire(null, "reason"));
    }

    private static string Code(Action act) => Should.Throw<DomainException>(act).Code;

    /// <summary>Records holding lists compare lists by reference: compare the schedule's content instead.</summary>
    private sealed class FeeScheduleComparer : IEqualityComparer<FeeScheduleAdopted>
    {
        public bool Equals(FeeScheduleAdopted? x, FeeScheduleAdopted? y) =>
            x is not null && y is not null && x.ServiceCode == y.ServiceCode && x.Schedule.Version == y.Schedule.Version
            && x.Schedule.EffectiveFrom == y.Schedule.EffectiveFrom && x.Schedule.Lines.SequenceEqual(y.Schedule.Lines);

        public int GetHashCode(FeeScheduleAdopted obj) => obj.Schedule.Version;
    }
}
