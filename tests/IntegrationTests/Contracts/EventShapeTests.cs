using Marten;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using Shouldly;
using Snapshooter.Xunit3;

namespace MyGovernment.IntegrationTests.Contracts;

/// <summary>
/// Stored events are a contract: this pins the stored type name and JSON of every event type, serialized by the
/// store's own serializer. A diff here means a stored shape changed: add a new event or an upcaster instead.
/// </summary>
public sealed class EventShapeTests(AppFixture app)
{
    private static readonly Guid Id = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly LocalizedText Text = new("نص", "Text");
    private static readonly FeeLine Line = new("base", Text, Money.Ils(15.50m));

    /// <summary>One sample of every event type. Add new event types here; the completeness test enforces it.</summary>
    public static IReadOnlyList<object> Samples { get; } =
    [
        new DepartmentRegistered("MOI-CIVIL", "وزارة الداخلية", "Ministry of Interior"),
        new ServiceDefined("BIRTH-CERT", "MOI-CIVIL", Text, Text,
            [new FormField("personNationalId", FieldType.NationalId, true, Text, 9)],
            [new RequiredDocument("DOC", Text, true)], true, [new WorkflowStep("MOI-CIVIL", Text)], false, 1),
        new FeeScheduleAdopted("BIRTH-CERT", new FeeSchedule(2, new DateOnly(2026, 4, 1), [Line])),
        new ServicePublished("BIRTH-CERT"),
        new ServiceRetired("BIRTH-CERT", "Replaced"),
        new ServiceRequestSubmitted(Id, "BIRTH-CERT", Text, "123456782", "citizen-1", SubmissionChannel.Online,
            new Dictionary<string, string> { ["personNationalId"] = "123456782" }, true, 1, At),
        new FeeAssessed(Id, 2, [Line], Money.Ils(15.50m), At),
        new StepEntered(Id, 0, "MOI-CIVIL", At),
    ];

    [Fact]
    public void Every_event_type_in_the_domain_has_a_pinned_sample()
    {
        // Events are the Domain's public sealed records named in the past tense (…ed).
        var eventTypes = typeof(SubmitDecision).Assembly.GetExportedTypes()
            .Where(t => t is { IsSealed: true, IsClass: true } && t.GetMethod("<Clone>$") is not null && t.Name.EndsWith("ed", StringComparison.Ordinal))
            .OrderBy(t => t.FullName)
            .ToList();

        eventTypes.ShouldNotBeEmpty();
        eventTypes.Except(Samples.Select(s => s.GetType())).ShouldBeEmpty("event types without a pinned sample");
    }

    [Fact]
    public void Stored_event_shapes_do_not_change()
    {
        var serializer = app.Store.Options.Serializer();
        var events = (Marten.Events.EventGraph)((DocumentStore)app.Store).Options.Events;
        var shapes = Samples.ToDictionary(
            s => events.BuildEvent(s).EventTypeName,
            s => Newtonsoft.Json.Linq.JToken.Parse(serializer.ToJson(s)));

        Snapshot.Match(shapes);
    }
}
