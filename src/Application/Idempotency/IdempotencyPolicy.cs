using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Marten.Internal;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.Runtime.Handlers;

namespace MyGovernment.Application.Idempotency;

/// <summary>
/// Writes the <see cref="IdempotencyRecord"/> into the handler's own Marten session, so it commits in the same
/// PostgreSQL transaction as the events: a crash leaves both or neither. The frame goes first among the
/// postprocessors, so it runs after the handler and its return values (events, started streams) and before the
/// transactional middleware's <c>SaveChangesAsync</c>. A concurrent duplicate then fails that commit on the
/// record's primary key. The stored response is the handler's first return value, the one
/// <c>InvokeAsync&lt;T&gt;</c> hands back to the endpoint.
/// </summary>
public sealed class IdempotencyPolicy : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        // AutoApplyTransactions is registered first (Wolverine inserts it at the front), so IsTransactional is known here.
        foreach (var chain in chains.Where(c => c.IsTransactional))
        {
            // Commands answer with a response record declared here; side effects (OutgoingMessages, IStartStream) are Wolverine's or Marten's.
            var response = chain.Handlers.Last().Creates.FirstOrDefault(v => v.VariableType.Assembly == typeof(IdempotencyPolicy).Assembly);
            if (response is null)
            {
                continue;
            }
            var record = new MethodCall(typeof(IdempotencyPolicy), nameof(Record));
            record.Arguments[^1] = response;
            chain.Postprocessors.Insert(0, record);
        }
    }

    public static void Record(Envelope envelope, IDocumentSession session, TimeProvider clock, IOptions<IdempotencyOptions> options, object response)
    {
        // Only an HTTP command sent with a key carries these headers.
        if (!envelope.Headers.TryGetValue(IdempotencyRecord.IdHeader, out var id) || string.IsNullOrEmpty(id)
            || !envelope.Headers.TryGetValue(IdempotencyRecord.RequestHashHeader, out var hash) || string.IsNullOrEmpty(hash))
        {
            return;
        }
        var now = clock.GetUtcNow();
        // An expired record still holds the key's row: replace it in this same transaction. Written out rather than
        // as a LINQ DeleteWhere, which parsed its expression on every command (issue 16 profile).
        var table = ((IMartenSession)session).StorageFor<IdempotencyRecord>().TableName.QualifiedName;
        session.QueueSqlCommand($"delete from {table} where id = ? and (data ->> 'expiresAt')::timestamptz <= ?", id, now);
        session.Insert(new IdempotencyRecord(
            id, hash, JsonSerializer.Serialize(response, response.GetType(), IdempotencyRecord.Json), now, now + options.Value.Retention));
    }
}
