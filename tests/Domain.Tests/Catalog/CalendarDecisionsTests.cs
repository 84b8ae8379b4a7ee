using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using Shouldly;

namespace MyGovernment.Domain.Tests.Catalog;

public sealed class CalendarDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 23, 12, 0, TimeSpan.Zero); // 28 Nov in Palestine
    private static readonly DateOnly Christmas = new(2026, 12, 25);
    private static readonly LocalizedText ChristmasName = new("عيد الميلاد المجيد", "Christmas Day");

    private static HolidayCalendar Calendar(params object[] events) =>
        events.Aggregate((HolidayCalendar?)null, (c, e) => HolidayCalendar.Evolve(c, CatalogIds.Calendar, e))!;

    [Fact]
    public void Given_no_calendar_when_a_holiday_is_declared_then_it_is_declared_with_trimmed_names()
    {
        var events = CalendarDecisions.DeclareHoliday(null, Christmas, new(" عيد الميلاد المجيد ", "Christmas Day "), Now);

        events.ShouldBe([new PublicHolidayDeclared(Christmas, ChristmasName)]);
    }

    [Fact]
    public void Declaring_the_same_holiday_again_yields_no_events()
    {
        var calendar = Calendar(new PublicHolidayDeclared(Christmas, ChristmasName));

        CalendarDecisions.DeclareHoliday(calendar, Christmas, ChristmasName, Now).ShouldBeEmpty();
    }

    [Fact]
    public void Declaring_a_different_holiday_on_a_declared_date_is_refused()
    {
        var calendar = Calendar(new PublicHolidayDeclared(Christmas, ChristmasName));

        Should.Throw<DomainException>(() => CalendarDecisions.DeclareHoliday(calendar, Christmas, new("أ", "Other"), Now))
            .Code.ShouldBe("holiday_already_declared");
    }

    [Fact]
    public void Days_before_the_local_date_today_cannot_be_declared_or_removed()
    {
        var yesterday = new DateOnly(2026, 11, 27); // still "today" in UTC
        var calendar = Calendar(new PublicHolidayDeclared(yesterday, ChristmasName));

        Should.Throw<DomainException>(() => CalendarDecisions.DeclareHoliday(null, yesterday, ChristmasName, Now)).Code.ShouldBe("date_in_past");
        Should.Throw<DomainException>(() => CalendarDecisions.RemoveHoliday(calendar, yesterday, Now)).Code.ShouldBe("date_in_past");
        CalendarDecisions.DeclareHoliday(null, new DateOnly(2026, 11, 28), ChristmasName, Now).Count.ShouldBe(1);
    }

    [Fact]
    public void A_declared_holiday_is_removed_and_an_undeclared_one_is_not_found()
    {
        var calendar = Calendar(new PublicHolidayDeclared(Christmas, ChristmasName));

        CalendarDecisions.RemoveHoliday(calendar, Christmas, Now).ShouldBe([new PublicHolidayRemoved(Christmas)]);
        Should.Throw<NotFoundException>(() => CalendarDecisions.RemoveHoliday(calendar, Christmas.AddDays(1), Now)).Code.ShouldBe("holiday_not_found");
        Should.Throw<NotFoundException>(() => CalendarDecisions.RemoveHoliday(null, Christmas, Now));
    }

    [Fact]
    public void The_calendar_folds_to_sorted_holidays_and_a_working_calendar_without_them()
    {
        var independence = new DateOnly(2026, 11, 15);
        var calendar = Calendar(
            new PublicHolidayDeclared(Christmas, ChristmasName),
            new PublicHolidayDeclared(independence, new("عيد الاستقلال", "Independence Day")),
            new PublicHolidayDeclared(new DateOnly(2026, 12, 1), new("أ", "Temporary")),
            new PublicHolidayRemoved(new DateOnly(2026, 12, 1)));

        calendar.Id.ShouldBe(CatalogIds.Calendar);
        calendar.Holidays.Select(h => h.Date).ShouldBe([independence, Christmas]);
        var working = calendar.ToWorkingCalendar();
        working.IsWorkingDay(independence).ShouldBeFalse(); // a Sunday, normally a working day
        working.IsWorkingDay(new DateOnly(2026, 12, 1)).ShouldBeTrue();
        working.IsWorkingDay(new DateOnly(2026, 12, 24)).ShouldBeTrue();
        working.IsWorkingDay(Christmas).ShouldBeFalse();
    }
}
