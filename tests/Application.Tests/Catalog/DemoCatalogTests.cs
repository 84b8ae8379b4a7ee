using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Catalog;
using Shouldly;

namespace MyGovernment.Application.Tests.Catalog;

public sealed class DemoCatalogTests
{
    [Fact]
    public void The_demo_calendar_has_the_fixed_holidays_of_2026_and_2027_and_no_date_twice()
    {
        var dates = DemoCatalog.Holidays.Select(h => h.Date).ToList();

        dates.ShouldBeUnique();
        dates.ShouldContain(new DateOnly(2026, 11, 15));
        dates.ShouldContain(new DateOnly(2027, 12, 25));
        DemoCatalog.Holidays.Count(h => h.Name.En == "Eid al-Adha").ShouldBe(6);
    }

    [Fact]
    public void The_seeded_holidays_fold_into_a_calendar_where_eid_is_not_a_working_day()
    {
        var calendar = DemoCatalog.Holidays.Aggregate((HolidayCalendar?)null, (c, e) => HolidayCalendar.Evolve(c, CatalogIds.Calendar, e))!;

        calendar.ToWorkingCalendar().IsWorkingDay(new DateOnly(2026, 5, 27)).ShouldBeFalse();
        calendar.ToWorkingCalendar().IsWorkingDay(new DateOnly(2026, 5, 31)).ShouldBeTrue();
    }
}
