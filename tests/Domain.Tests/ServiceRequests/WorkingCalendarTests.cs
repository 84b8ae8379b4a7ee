using CsCheck;
using MyGovernment.Domain.Catalog;
using Shouldly;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>Sunday–Thursday working week minus public holidays. January 2026: Thu 1, Fri 2, Sat 3, Sun 4 … Thu 8.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Standard = WorkingCalendar.Standard;
    private static readonly WorkingCalendar WithHoliday = new(new HashSet<DateOnly> { D(11) });

    private static DateOnly D(int day) => new(2026, 1, day);

    [Theory]
    [InlineData(4, true)] // Sunday
    [InlineData(5, true)]
    [InlineData(8, true)] // Thursday
    [InlineData(9, false)] // Friday
    [InlineData(10, false)] // Saturday
    public void The_working_week_runs_Sunday_to_Thursday(int day, bool working) =>
        Standard.IsWorkingDay(D(day)).ShouldBe(working);

    [Fact]
    public void A_public_holiday_is_not_a_working_day()
    {
        WithHoliday.IsWorkingDay(D(11)).ShouldBeFalse();
        WithHoliday.IsWorkingDay(D(12)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(8, 1, 11)] // Thu + 1 = Sun
    [InlineData(8, 2, 12)] // Thu + 2 = Mon
    [InlineData(8, 5, 15)] // Thu + 5 = next Thu
    [InlineData(9, 1, 11)] // Fri + 1 = Sun
    [InlineData(10, 1, 11)] // Sat + 1 = Sun
    [InlineData(4, 4, 8)] // Sun + 4 = Thu
    [InlineData(4, 5, 11)] // Sun + 5 = next Sun
    [InlineData(9, 0, 9)] // zero days: the start itself, even on a weekend
    public void Adding_working_days_skips_Fridays_and_Saturdays(int start, int days, int expected) =>
        Standard.AddWorkingDays(D(start), days).ShouldBe(D(expected));

    [Fact]
    public void Adding_working_days_skips_holidays()
    {
        WithHoliday.AddWorkingDays(D(8), 1).ShouldBe(D(12));
        WithHoliday.AddWorkingDays(D(8), 2).ShouldBe(D(13));
    }

    [Fact]
    public void A_negative_number_of_days_is_a_programming_error() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Standard.AddWorkingDays(D(8), -1));

    [Theory]
    [InlineData(8, 8, 0)] // same day
    [InlineData(8, 9, 0)] // Thu → Fri
    [InlineData(8, 11, 1)] // Thu → Sun: Sunday only
    [InlineData(7, 8, 1)] // Wed → Thu
    [InlineData(4, 11, 5)] // a whole week
    [InlineData(12, 8, 0)] // backwards counts nothing
    public void Working_days_between_counts_the_working_days_after_the_start_up_to_the_end(int from, int to, int expected) =>
        Standard.WorkingDaysBetween(D(from), D(to)).ShouldBe(expected);

    [Fact]
    public void Working_days_between_skips_holidays()
    {
        WithHoliday.WorkingDaysBetween(D(8), D(11)).ShouldBe(0);
        WithHoliday.WorkingDaysBetween(D(8), D(12)).ShouldBe(1);
    }

    [Fact]
    public void Counting_the_days_added_gives_them_back_and_the_result_is_a_working_day()
    {
        var holidays = Gen.Int[0, 60].HashSet[0, 8].Select(offsets => (IReadOnlySet<DateOnly>)offsets.Select(o => D(1).AddDays(o)).ToHashSet());

        Gen.Select(Gen.Int[0, 40], Gen.Int[0, 30], holidays).Sample((start, days, hol) =>
        {
            var calendar = new WorkingCalendar(hol);
            var from = D(1).AddDays(start);
            var due = calendar.AddWorkingDays(from, days);

            calendar.WorkingDaysBetween(from, due).ShouldBe(days);
            if (days > 0)
            {
                calendar.IsWorkingDay(due).ShouldBeTrue();
                calendar.WorkingDaysBetween(from, due.AddDays(-1)).ShouldBe(days - 1);
            }
        }, iter: 2_000);
    }
}
