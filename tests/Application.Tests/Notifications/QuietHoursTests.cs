using MyGovernment.Application.Notifications;
using MyGovernment.Domain.Common;
using Shouldly;

namespace MyGovernment.Application.Tests.Notifications;

public sealed class QuietHoursTests
{
    private static readonly TimeOnly Start = new(21, 0);
    private static readonly TimeOnly End = new(8, 0);

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => PalestineTime.FromLocal(new DateTime(2026, 12, day, hour, minute, 0));

    [Fact]
    public void Outside_the_window_a_message_goes_at_once() =>
        QuietHours.Release(Local(4, 14), Start, End).ShouldBe(Local(4, 14));

    [Fact]
    public void Late_in_the_evening_it_waits_for_the_next_morning() =>
        QuietHours.Release(Local(4, 23, 30), Start, End).ShouldBe(Local(5, 8));

    [Fact]
    public void After_midnight_it_waits_for_the_same_morning() =>
        QuietHours.Release(Local(5, 2), Start, End).ShouldBe(Local(5, 8));

    [Fact]
    public void The_window_is_half_open() =>
        (QuietHours.Release(Local(4, 21), Start, End), QuietHours.Release(Local(5, 8), Start, End)).ShouldBe((Local(5, 8), Local(5, 8)));

    [Fact]
    public void A_window_within_one_day_and_an_empty_window_work_too()
    {
        QuietHours.Release(Local(4, 13), new TimeOnly(12, 0), new TimeOnly(14, 0)).ShouldBe(Local(4, 14));
        QuietHours.Release(Local(4, 23), new TimeOnly(0, 0), new TimeOnly(0, 0)).ShouldBe(Local(4, 23));
    }
}
