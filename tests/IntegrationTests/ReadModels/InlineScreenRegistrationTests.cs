using JasperFx.Events.Projections;
using Marten;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.IntegrationTests.ReadModels;

/// <summary>
/// The store's inline aggregations all stand behind an <see cref="InlineScreen"/>, and each screen lets through exactly
/// the event types the projection's own rule (JasperFx's <c>AppliesTo</c>) takes, for every event type the store knows:
/// a screen that dropped a type would leave a read model silently behind its stream.
/// </summary>
public sealed class InlineScreenRegistrationTests(AppFixture app)
{
    [Fact]
    public void Every_inline_aggregation_is_screened_by_its_own_rule_for_every_known_event_type()
    {
        var options = (StoreOptions)app.Store.Options;
        // Marten registers an event type when it first meets it, so Domain's types stand for the ones not met yet.
        var eventTypes = app.Store.Options.Events.AllKnownEventTypes().Select(t => t.EventType)
            .Concat(typeof(ServiceRequestSubmitted).Assembly.GetExportedTypes().Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition))
            .Distinct().ToArray();
        eventTypes.ShouldContain(typeof(JasperFx.Events.Archived));

        var aggregations = options.Projections.All
            .Where(p => p.Lifecycle == ProjectionLifecycle.Inline && AppliesTo(p) is not null)
            .ToList();
        // The nine of MartenSetup.RegisterProjections (the revenue ledger is an event projection, not an aggregation).
        aggregations.Count.ShouldBe(9);

        foreach (var projection in aggregations)
        {
            var screen = projection.BuildForInline().ShouldBeOfType<InlineScreen>($"{projection.Name} is not screened");
            var applies = AppliesTo(projection)!;
            foreach (var type in eventTypes)
            {
                screen.Applies(type).ShouldBe(applies(type), $"{projection.Name}, {type.Name}");
            }
            eventTypes.ShouldContain(t => screen.Applies(t), $"{projection.Name} takes no known event");
            eventTypes.ShouldContain(t => !screen.Applies(t), $"{projection.Name} takes every event");
        }

        var details = aggregations.Single(p => p is ServiceRequestDetailsProjection).BuildForInline().ShouldBeOfType<InlineScreen>();
        details.Applies(typeof(ServiceRequestSubmitted)).ShouldBeTrue();
        details.Applies(typeof(PaymentCreated)).ShouldBeFalse();
        var issued = aggregations.Single(p => p is IssuedDocumentProjection).BuildForInline().ShouldBeOfType<InlineScreen>();
        issued.Applies(typeof(DocumentIssued)).ShouldBeTrue();
        issued.Applies(typeof(ServiceRequestSubmitted)).ShouldBeFalse();
    }

    /// <summary>JasperFx's own screen of an aggregation for one event type, or null for a projection that has none.</summary>
    private static Func<Type, bool>? AppliesTo(object projection)
    {
        var method = projection.GetType().GetMethod("AppliesTo", [typeof(IEnumerable<Type>)]);
        return method is null ? null : type => (bool)method.Invoke(projection, [new[] { type }])!;
    }
}
