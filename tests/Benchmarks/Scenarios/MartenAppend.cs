using JasperFx.Events;
using Marten;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Integrity;
using Weasel.Core;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>Bare Marten: one new stream with one event per commit, no projections, no Wolverine.</summary>
public static class MartenAppend
{
    /// <param name="key">The deployment's key, for a store that writes the application's events: its listener tags
    /// them as the API does, so that they are sealed and verify measures the sealed path (null: bare Marten).</param>
    public static DocumentStore Store(string connectionString, string schema, CheckpointKey? key = null) => DocumentStore.For(opts =>
    {
        if (key is not null)
        {
            opts.Listeners.Add(new EventTagListener(key));
        }
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
    });

    public static ServiceRequestSubmitted Submitted(Guid id, DateTimeOffset at) => new(
        id, "JOBSEEKER-REGISTRATION", new("تسجيل باحث عن عمل", "Jobseeker registration"), "123456782",
        new Actor("citizen-123456782", "citizen", null, "123456782"), SubmissionChannel.Online,
        new Dictionary<string, string> { ["qualification"] = "BSc Nursing" }, false, ["MOL"], false, 5, at);

    public static Func<int, Task> Operation(IDocumentStore store) => async _ =>
    {
        await using var session = store.LightweightSession();
        var id = Guid.CreateVersion7();
        session.Events.StartStream(id, Submitted(id, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    };
}
