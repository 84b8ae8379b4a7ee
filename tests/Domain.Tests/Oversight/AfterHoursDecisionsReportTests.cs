using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;
using Shouldly;
using static MyGovernment.Domain.Tests.Oversight.OversightWorld;

namespace MyGovernment.Domain.Tests.Oversight;

public sealed class AfterHoursDecisionsReportTests
{
    private static readonly AfterHoursDecisionsReport Report = new();

    [Theory]
    [InlineData(2, 8, 0, 0, null)]
    [InlineData(2, 14, 59, 59, null)]
    [InlineData(2, 15, 0, 0, "outside-working-hours")]
    [InlineData(2, 7, 59, 59, "outside-working-hours")]
    [InlineData(6, 10, 0, 0, "non-working-day")]  // Friday
    [InlineData(7, 10, 0, 0, "non-working-day")]  // Saturday
    public void Decisions_are_judged_on_Palestinian_local_working_hours(int day, int hour, int minute, int second, string? rule)
    {
        var world = new OversightWorld();
        world.Request().Submitted(Mar(1)).Eligible(Mar(1)).Approved(Officer, Mar(day, hour, minute, second));

        world.Run(Report).Select(f => f.Rule).ShouldBe(rule is null ? [] : [rule]);
    }

    [Fact]
    public void A_public_holiday_is_not_a_working_day_and_the_hours_are_configuration()
    {
        var world = new OversightWorld { Calendar = new WorkingCalendar(new HashSet<DateOnly> { new(2026, 3, 3) }) };
        world.Request().Submitted(Mar(1)).Eligible(Mar(1)).Approved(Officer, Mar(3, 10));
        world.Request().Submitted(Mar(1)).Eligible(Mar(1)).Approved(Officer, Mar(4, 16));

        world.Run(Report).Select(f => f.Rule).ShouldBe(["non-working-day", "outside-working-hours"]);
        world.Run(Report, new OversightSettings { WorkdayEnd = new TimeOnly(17, 0) }).Select(f => f.Rule).ShouldBe(["non-working-day"]);
    }

    [Fact]
    public void Timers_acting_as_the_system_are_not_staff_decisions()
    {
        var world = new OversightWorld();
        world.Request().Submitted(Mar(1)).Eligible(Mar(1)).Approved(Actor.System, Mar(1, 23));
        world.Run(Report).ShouldBeEmpty();
    }
}
