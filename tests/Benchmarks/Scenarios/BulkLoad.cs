using Marten;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>Fills the event store with realistic request streams (three events each), 100 streams per commit.</summary>
public static class BulkLoad
{
    public static async Task AppendRequestsAsync(IDocumentStore store, int requests)
    {
        var at = DateTimeOffset.UtcNow;
        for (var done = 0; done < requests; done += 100)
        {
            await using var session = store.LightweightSession();
            for (var i = 0; i < 100 && done + i < requests; i++)
            {
                var id = Guid.CreateVersion7();
                session.Events.StartStream<ServiceRequest>(id,
                    MartenAppend.Submitted(id, at),
                    new StepEntered(id, 0, "MOL", at),
                    new SlaClockStarted(id, at, DateOnly.FromDateTime(at.UtcDateTime.AddDays(7))));
            }
            await session.SaveChangesAsync();
        }
    }
}
