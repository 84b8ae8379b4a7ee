using MyGovernment.Application.Staff;
using Shouldly;

namespace MyGovernment.Application.Tests.Staff;

public sealed class PrefetchedAssignmentTests
{
    private static AssignmentInputs Inputs(string department) =>
        new(null, new Dictionary<string, int>(), new AssignmentCursor { Id = department });

    [Fact]
    public async Task Inputs_read_ahead_for_the_department_the_request_entered_are_used_without_a_round_trip()
    {
        var ahead = Inputs("MOL");
        var prefetched = new PrefetchedAssignment("MOL", () => Task.FromResult(ahead));

        (await prefetched.ForAsync("MOL", () => throw new InvalidOperationException("no second read expected"))).ShouldBeSameAs(ahead);
    }

    [Theory]
    [InlineData("MOH")]
    [InlineData("mol")]
    public async Task Inputs_read_ahead_for_another_department_are_not_used(string entered)
    {
        var prefetched = new PrefetchedAssignment("MOL", () => Task.FromResult(Inputs("MOL")));
        var loaded = Inputs(entered);

        (await prefetched.ForAsync(entered, () => Task.FromResult(loaded))).ShouldBeSameAs(loaded);
    }

    [Fact]
    public async Task Nothing_read_ahead_means_a_read_of_its_own()
    {
        var loaded = Inputs("MOL");

        (await PrefetchedAssignment.None.ForAsync("MOL", () => Task.FromResult(loaded))).ShouldBeSameAs(loaded);
    }
}
