using Marten;
using Microsoft.Extensions.Logging;
using MyGovernment.Application.Idempotency;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.Catalog;
using Wolverine;

namespace MyGovernment.Application.Operations;

/// <summary>
/// Runs the real command path once before the node reports ready, so its first caller does not pay for the first
/// touch of Marten's batch queries, the event append, the inline projection, the outbox and the JSON contracts
/// (about 1.5 s for the first submission after start, docs/benchmarks.md, issue 16 part B). It leaves no trace: the
/// submission is sent with an Idempotency-Key whose record this warm-up stored just before, so the handler chain
/// runs to its very end and its commit is refused on the record's primary key, rolling back every event, read
/// model row and outgoing message. The record, keyed per process, is deleted afterwards. A claim and a decision on
/// a request that does not exist warm the path of commands on existing requests up to their load.
/// </summary>
public sealed class CommandPathWarmUp(IMessageBus bus, IDocumentStore store, TimeProvider clock, ILogger<CommandPathWarmUp> logger)
{
    private static readonly Actor Citizen = new("warm-up", "citizen", NationalId: Applicant);
    private static readonly Actor Officer = new("warm-up", "officer");

    /// <summary>A valid national ID that no citizen holds (the check digit of eight zeros and a one).</summary>
    public const string Applicant = "000000018";

    /// <summary>True when the submission ran up to its commit (the whole path was exercised).</summary>
    public async Task<bool> RunAsync(CancellationToken ct)
    {
        var reachedCommit = false;
        if (await PublishedServiceAsync(ct) is { } service)
        {
            var recordId = "warm-up-" + Guid.NewGuid().ToString("N");
            await StoreRecordAsync(recordId, ct);
            try
            {
                reachedCommit = await SubmitAsync(service, recordId, ct);
            }
            finally
            {
                await DeleteRecordAsync(recordId, CancellationToken.None);
            }
        }
        var missing = Guid.CreateVersion7();
        await RefusedAsync(new ClaimServiceRequest(missing, new ExpectedVersion(1, false), Officer), ct);
        await RefusedAsync(new ProposeDecision(missing, new ExpectedVersion(2, false), Officer, DecisionOutcome.Approve, null, "warm-up"), ct);
        return reachedCommit;
    }

    /// <summary>A published service, preferring a free one, whose submission enters a queue (the longest path).</summary>
    private async Task<ServiceCatalogEntry?> PublishedServiceAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var published = await session.Query<ServiceCatalogEntry>().Where(s => s.Status == ServiceStatus.Published).Take(20).ToListAsync(ct);
        return published.OrderBy(s => s.IsPaid).FirstOrDefault();
    }

    private async Task<bool> SubmitAsync(ServiceCatalogEntry service, string recordId, CancellationToken ct)
    {
        var options = new DeliveryOptions();
        options.Headers[IdempotencyRecord.IdHeader] = recordId;
        options.Headers[IdempotencyRecord.RequestHashHeader] = "warm-up";
        var command = new SubmitServiceRequest(Guid.CreateVersion7(), service.Code, Applicant, Citizen, SubmissionChannel.Online, FormFor(service.Fields));
        try
        {
            await bus.InvokeAsync<ServiceRequestSubmittedResponse>(command, options, ct);
            // Cannot happen while the record exists; say so loudly if it ever does.
            logger.LogError("Warm-up submission {RequestId} was committed", command.RequestId);
            return false;
        }
        catch (Exception e) when (IdempotencyPolicy.IsRecordedAlready(e))
        {
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogInformation("Warm-up submission stopped before its commit: {Reason}", e.GetType().Name);
            return false;
        }
    }

    private async Task RefusedAsync(object command, CancellationToken ct)
    {
        try
        {
            await bus.InvokeAsync<ServiceRequestChanged>(command, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Expected: the request does not exist. Only the way there was to be warmed.
        }
    }

    /// <summary>Every required field filled with a value its type accepts; optional fields left out.</summary>
    private static Dictionary<string, string?> FormFor(IEnumerable<FormField> fields) =>
        fields.Where(f => f.Required).ToDictionary(f => f.Name, f => (string?)(f.Type switch
        {
            FieldType.Number => "1",
            FieldType.Date => "2000-01-01",
            FieldType.NationalId => Applicant,
            FieldType.Boolean => "true",
            _ => "warm-up",
        }));

    private async Task StoreRecordAsync(string id, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        session.Store(new IdempotencyRecord(id, "warm-up", "{}", now, now.AddDays(1)));
        await session.SaveChangesAsync(ct);
    }

    private async Task DeleteRecordAsync(string id, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Delete<IdempotencyRecord>(id);
        await session.SaveChangesAsync(ct);
    }
}
