using System.Collections.Concurrent;
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
        var record = new IdempotencyRecord(
            id, hash, JsonSerializer.Serialize(response, response.GetType(), IdempotencyRecord.Json), now, now + options.Value.Retention);
        var marten = (IMartenSession)session;
        var table = marten.StorageFor<IdempotencyRecord>().TableName.QualifiedName;
        // One statement (issue 16; it was a queued delete plus Marten's insert): an expired record still holds the key's
        // row, so it is deleted, and the insert reads the delete's result, which makes PostgreSQL run the delete first
        // (sibling parts of a statement otherwise run in no set order, and the insert would meet the old row). A live
        // record is not deleted, so the insert fails on the primary key and the whole commit with it, as before: that
        // failure is how a repeat or a concurrent duplicate is detected (IdempotentCommand). The columns are those Marten
        // writes for this document (no revisions: mt_version is any new id), with its duplicated expiry column.
        session.QueueSqlCommand(
            RecordSql.GetOrAdd(table, static t =>
                $"with expired as (delete from {t} where id = ? and {IdempotencyStorage.ExpiresAtColumn} <= ? returning id) "
                + $"insert into {t} (id, data, mt_version, mt_dotnet_type, mt_last_modified, {IdempotencyStorage.ExpiresAtColumn}) "
                + "select ?, ?::jsonb, ?, ?, transaction_timestamp(), ? from (select count(*) from expired) as deleted"),
            id, now, id, marten.Serializer.ToJson(record), Guid.CreateVersion7(), typeof(IdempotencyRecord).FullName!, record.ExpiresAt);
    }

    /// <summary>The statement's text per records table, built once rather than on every command.</summary>
    private static readonly ConcurrentDictionary<string, string> RecordSql = new(StringComparer.Ordinal);

    /// <summary>The primary key of the records' table, named by Marten after the document type.</summary>
    private const string RecordKey = "pkey_mt_doc_idempotencyrecord_id";

    /// <summary>
    /// The commit failed because the key's record exists and is live (a repeat, or a concurrent duplicate that committed
    /// first), however deeply Marten or Wolverine wrapped the driver's error. Marten's own insert reported this as
    /// <see cref="DocumentAlreadyExistsException"/>; the statement above reports the key violation itself.
    /// </summary>
    public static bool IsRecordedAlready(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DocumentAlreadyExistsException || e is Npgsql.PostgresException { SqlState: "23505", ConstraintName: RecordKey })
            {
                return true;
            }
        }
        return false;
    }
}
