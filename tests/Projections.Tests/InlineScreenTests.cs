using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Shouldly;

namespace MyGovernment.Projections.Tests;

public sealed class InlineScreenTests
{
    private record Filed(string Name);

    private record FiledLate(string Name) : Filed(Name);

    private record Unrelated(int Count);

    /// <summary>Counts the calls that get through and what they were handed.</summary>
    private sealed class Recording : IInlineProjection<IDocumentOperations>
    {
        public List<IEnumerable<StreamAction>> Calls { get; } = [];

        public Task ApplyAsync(IDocumentOperations operations, IEnumerable<StreamAction> streams, CancellationToken cancellation)
        {
            Calls.Add(streams);
            return Task.CompletedTask;
        }
    }

    private static StreamAction Stream(params object[] events) =>
        StreamAction.Append(Guid.NewGuid(), [.. events.Select(e => (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(e.GetType()), e)!)]);

    [Fact]
    public async Task A_transaction_with_an_event_the_projection_takes_reaches_it_whole()
    {
        var inner = new Recording();
        var screen = new InlineScreen(inner, () => [typeof(Filed)]);
        StreamAction[] streams = [Stream(new Unrelated(1)), Stream(new Unrelated(2), new Filed("a"))];

        await screen.ApplyAsync(null!, streams, CancellationToken.None);

        // The projection gets every stream, not only the matching one: it screens them itself, as it did before.
        inner.Calls.ShouldHaveSingleItem().ShouldBeSameAs(streams);
    }

    [Fact]
    public async Task A_transaction_without_one_never_reaches_it()
    {
        var inner = new Recording();
        var screen = new InlineScreen(inner, () => [typeof(Filed)]);

        await screen.ApplyAsync(null!, [Stream(new Unrelated(1)), Stream(new Unrelated(2), new Unrelated(3))], CancellationToken.None);
        await screen.ApplyAsync(null!, [], CancellationToken.None);

        inner.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void An_event_whose_type_casts_to_a_taken_type_applies_and_none_named_means_all()
    {
        var screen = new InlineScreen(new Recording(), () => [typeof(Filed)]);
        screen.Applies(typeof(FiledLate)).ShouldBeTrue();
        screen.Applies(typeof(Filed)).ShouldBeTrue();
        screen.Applies(typeof(Unrelated)).ShouldBeFalse();

        var takesAll = new InlineScreen(new Recording(), () => []);
        takesAll.Applies(typeof(Unrelated)).ShouldBeTrue();
    }

    [Fact]
    public void The_answer_for_an_event_type_is_worked_out_once_and_not_before_it_is_needed()
    {
        var reads = 0;
        var screen = new InlineScreen(new Recording(), () =>
        {
            reads++;
            return [typeof(Filed)];
        });
        reads.ShouldBe(0);

        screen.Applies(typeof(Filed));
        screen.Applies(typeof(Filed));
        reads.ShouldBe(1);

        screen.Applies(typeof(Unrelated));
        screen.Applies(typeof(Unrelated));
        reads.ShouldBe(2);
    }
}
