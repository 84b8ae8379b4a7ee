using MyGovernment.Application.Staff;
using Shouldly;

namespace MyGovernment.Application.Tests.Staff;

public sealed class WorkloadSnapshotsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);

    [Fact]
    public void The_first_request_of_a_department_counts_and_the_next_ones_within_the_interval_use_that_count()
    {
        var snapshots = new WorkloadSnapshots();

        snapshots.Fresh("MOL", T0, Refresh).ShouldBeNull();
        snapshots.Store("MOL", new Dictionary<string, int> { ["a"] = 3, ["b"] = 1 }, T0);

        snapshots.Fresh("MOL", T0.AddMilliseconds(999), Refresh).ShouldBe(new Dictionary<string, int> { ["a"] = 3, ["b"] = 1 });
        snapshots.Fresh("MOH", T0.AddMilliseconds(10), Refresh).ShouldBeNull("each department has its own count");
    }

    [Fact]
    public void Assignments_made_here_since_the_count_are_added_to_it()
    {
        var snapshots = new WorkloadSnapshots();
        snapshots.Fresh("MOL", T0, Refresh);
        snapshots.Store("MOL", new Dictionary<string, int> { ["a"] = 1 }, T0);

        snapshots.Assigned("MOL", "b");
        snapshots.Assigned("MOL", "b");
        snapshots.Assigned("MOL", "a");

        snapshots.Fresh("MOL", T0.AddMilliseconds(500), Refresh).ShouldBe(new Dictionary<string, int> { ["a"] = 2, ["b"] = 2 });
    }

    [Fact]
    public void A_count_older_than_the_interval_is_read_again_by_one_caller_while_the_others_use_the_old_one()
    {
        var snapshots = new WorkloadSnapshots();
        snapshots.Fresh("MOL", T0, Refresh);
        snapshots.Store("MOL", new Dictionary<string, int> { ["a"] = 1 }, T0);

        snapshots.Fresh("MOL", T0.AddSeconds(1), Refresh).ShouldBeNull("the count expired: this caller counts");
        snapshots.Fresh("MOL", T0.AddSeconds(1.1), Refresh).ShouldBe(new Dictionary<string, int> { ["a"] = 1 }, "another caller's count is under way");

        snapshots.Store("MOL", new Dictionary<string, int> { ["a"] = 4 }, T0.AddSeconds(1));
        snapshots.Fresh("MOL", T0.AddSeconds(1.2), Refresh).ShouldBe(new Dictionary<string, int> { ["a"] = 4 });
    }

    [Fact]
    public void A_count_that_never_came_back_stops_holding_the_others_after_one_interval()
    {
        var snapshots = new WorkloadSnapshots();
        snapshots.Fresh("MOL", T0, Refresh);
        snapshots.Store("MOL", new Dictionary<string, int> { ["a"] = 1 }, T0);
        snapshots.Fresh("MOL", T0.AddSeconds(1), Refresh).ShouldBeNull();

        // That caller's batch failed before it ran: nothing was stored.
        snapshots.Fresh("MOL", T0.AddSeconds(2), Refresh).ShouldBeNull("the lost count must not keep the old one alive");
    }

    [Fact]
    public void A_count_taken_later_than_now_is_not_used_after_the_clock_was_set_back()
    {
        var snapshots = new WorkloadSnapshots();
        snapshots.Store("MOL", new Dictionary<string, int> { ["a"] = 7 }, T0.AddHours(1));

        snapshots.Fresh("MOL", T0, Refresh).ShouldBeNull();
        snapshots.Store("MOL", new Dictionary<string, int> { ["a"] = 5 }, T0);
        snapshots.Fresh("MOL", T0.AddMilliseconds(100), Refresh).ShouldBe(new Dictionary<string, int> { ["a"] = 5 });
    }

    [Fact]
    public void A_zero_interval_counts_every_time()
    {
        var snapshots = new WorkloadSnapshots();
        snapshots.Store("MOL", new Dictionary<string, int> { ["a"] = 1 }, T0);

        snapshots.Fresh("MOL", T0, TimeSpan.Zero).ShouldBeNull();
        snapshots.Fresh("MOL", T0, TimeSpan.Zero).ShouldBeNull();
    }

    [Fact]
    public void A_served_count_is_a_copy_later_assignments_do_not_change()
    {
        var snapshots = new WorkloadSnapshots();
        snapshots.Store("MOL", new Dictionary<string, int> { ["a"] = 1 }, T0);
        var served = snapshots.Fresh("MOL", T0, Refresh)!;

        snapshots.Assigned("MOL", "a");

        served["a"].ShouldBe(1);
    }

    [Fact]
    public void The_last_officer_assigned_here_is_kept_per_department_even_before_any_count()
    {
        var snapshots = new WorkloadSnapshots();
        snapshots.LastAssigned("MOL").ShouldBeNull();

        snapshots.Assigned("MOL", "a");
        snapshots.Assigned("MOL", "b");
        snapshots.Assigned("MOH", "c");

        snapshots.LastAssigned("MOL").ShouldBe("b");
        snapshots.LastAssigned("MOH").ShouldBe("c");
    }
}
