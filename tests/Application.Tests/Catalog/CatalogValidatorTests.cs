using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using Shouldly;

namespace MyGovernment.Application.Tests.Catalog;

public sealed class CatalogValidatorTests
{
    private static readonly Actor Admin = new("admin-1", "admin");
    private static readonly LocalizedText Text = new("نص", "Text");

    private static DefineService Definition() => new(
        "NEW-SERVICE", "MOJ", Text, Text,
        [new FormField("fullName", FieldType.Text, true, Text, 80)],
        [new RequiredDocument("ID-COPY", Text, false)],
        true, [new WorkflowStep("MOJ", Text)], false, 5, Admin);

    private static IEnumerable<string> Errors(DefineService command) =>
        new DefineService.Validator().Validate(command).Errors.Select(e => e.PropertyName);

    [Fact]
    public void A_full_definition_passes() => Errors(Definition()).ShouldBeEmpty();

    [Fact]
    public void Codes_names_workflow_and_sla_are_required()
    {
        var command = Definition() with { Code = "", DepartmentCode = "bad code", Name = new("", ""), Workflow = [], SlaWorkingDays = 0 };

        Errors(command).ShouldBe(["Code", "DepartmentCode", "Name.Ar", "Name.En", "Workflow", "SlaWorkingDays"], ignoreOrder: true);
    }

    [Fact]
    public void Null_items_in_lists_are_named_not_thrown()
    {
        var command = Definition() with { Fields = [null!], RequiredDocuments = [null!], Workflow = [null!], Name = null!, DefinedBy = null! };

        Errors(command).ShouldBe(["Fields[0]", "RequiredDocuments[0]", "Workflow[0]", "Name", "DefinedBy"], ignoreOrder: true);
    }

    [Fact]
    public void Field_definitions_are_checked_one_by_one_and_names_are_unique()
    {
        var bad = new FormField("Not An Identifier", (FieldType)42, true, null!, 0);
        var duplicate = new FormField("fullname", FieldType.Number, false, Text);

        Errors(Definition() with { Fields = [Definition().Fields[0], bad, duplicate] })
            .ShouldBe(["Fields", "Fields[1].Name", "Fields[1].Type", "Fields[1].Label", "Fields[1].MaxLength"], ignoreOrder: true);
    }

    [Fact]
    public void Too_many_steps_or_an_sla_over_a_year_are_refused()
    {
        var steps = Enumerable.Repeat(new WorkflowStep("MOJ", Text), DefineService.MaxSteps + 1).ToList();

        Errors(Definition() with { Workflow = steps, SlaWorkingDays = 366 }).ShouldBe(["Workflow", "SlaWorkingDays"], ignoreOrder: true);
    }

    private static AdoptFeeSchedule Fees(params FeeLine[] lines) => new("BIRTH-CERT", new DateOnly(2027, 1, 1), lines, Admin);

    private static IEnumerable<string> Errors(AdoptFeeSchedule command) =>
        new AdoptFeeSchedule.Validator().Validate(command).Errors.Select(e => e.PropertyName);

    [Fact]
    public void A_fee_schedule_with_positive_lines_in_one_currency_passes() =>
        Errors(Fees(new("base", Text, Money.Ils(15m)), new("express", Text, Money.Ils(10.50m)))).ShouldBeEmpty();

    [Fact]
    public void Fee_lines_need_positive_amounts_a_supported_currency_and_a_name()
    {
        Errors(Fees(new("base", Text, Money.Ils(0m)), new("usd", null!, new Money(1m, "EUR")), null!, new("cents", Text, Money.Ils(1.005m))))
            .ShouldBe(["Lines", "Lines[0].Amount.Amount", "Lines[1].Name", "Lines[1].Amount.Currency", "Lines[2]", "Lines[3].Amount.Amount"], ignoreOrder: true);
    }

    [Fact]
    public void Mixed_currencies_duplicate_codes_or_no_lines_are_refused()
    {
        Errors(Fees(new("base", Text, Money.Ils(1m)), new("base", Text, new Money(1m, "JOD")))).ShouldBe(["Lines", "Lines"]);
        Errors(Fees() with { EffectiveFrom = default, AdoptedBy = null! }).ShouldBe(["EffectiveFrom", "Lines", "AdoptedBy"], ignoreOrder: true);
    }

    [Fact]
    public void Department_publish_retire_and_holiday_commands_check_their_input()
    {
        new RegisterDepartment.Validator().Validate(new RegisterDepartment("MOJ", Text, Admin)).IsValid.ShouldBeTrue();
        new RegisterDepartment.Validator().Validate(new RegisterDepartment("", new("", "x"), Admin)).Errors.Select(e => e.PropertyName)
            .ShouldBe(["Code", "Name.Ar"], ignoreOrder: true);
        new PublishService.Validator().Validate(new PublishService("a b", Admin)).Errors.Single().PropertyName.ShouldBe("ServiceCode");
        new RetireService.Validator().Validate(new RetireService("BIRTH-CERT", new string('x', 501), Admin)).Errors.Single().PropertyName.ShouldBe("Reason");
        new DeclarePublicHoliday.Validator().Validate(new DeclarePublicHoliday(default, new("أ", ""), Admin)).Errors.Select(e => e.PropertyName)
            .ShouldBe(["Date", "Name.En"], ignoreOrder: true);
        new RemovePublicHoliday.Validator().Validate(new RemovePublicHoliday(new DateOnly(2027, 1, 1), new Actor("", "admin"))).Errors.Single().PropertyName
            .ShouldBe("RemovedBy.Subject");
    }
}
