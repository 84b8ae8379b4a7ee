using System.Data;
using System.Reflection;
using System.Text.Json;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Marten.Schema;

namespace MyGovernment.Integrity;
/// <summary>What every read-model check shares: the table, ids, the async bound, the comparison and the tally.</summary>
public sealed partial class ReadModelChecker
{
    /// <summary>Shared by both kinds: the table, the id member, event aliases, the async bound, and the comparison.</summary>
    private abstract class CheckBase(ProjectionBase projection, Type documentType, IEnumerable<Type> eventTypes, IReadOnlyStoreOptions options) : ICheck
    {
        private readonly IDocumentType _mapping = options.FindOrResolveDocumentType(documentType);

        public string ReadModel { get; } = documentType.Name;

        protected ProjectionBase Projection => projection;

        protected Type[] EventTypes { get; } = [.. eventTypes];

        protected string[] EventAliases { get; } = [.. eventTypes.Select(t => ((EventGraph)options.Events).EventMappingFor(t).EventTypeName)];

        protected string Table => _mapping.TableName.QualifiedName;

        protected Type DocumentType => documentType;

        protected Type IdType => _mapping.IdType;

        protected object IdValue(object document) => _mapping.IdMember switch
        {
            PropertyInfo p => p.GetValue(document)!,
            FieldInfo f => f.GetValue(document)!,
            _ => throw new InvalidOperationException($"{documentType.Name} has no id member."),
        };

        protected string IdOf(object document) => IdValue(document).ToString() ?? "";

        protected void SetId(object document, object id)
        {
            switch (_mapping.IdMember)
            {
                case PropertyInfo p:
                    p.SetValue(document, id);
                    break;
                case FieldInfo f:
                    f.SetValue(document, id);
                    break;
            }
        }

        protected virtual bool RowsAreStreams => false;

        public abstract Task<ReadModelResult> RunAsync(Context context, CancellationToken ct);

        /// <summary>An async projection is only expected to have reached its daemon's progress; inline ones, the whole log.</summary>
        protected async Task<long?> UpToAsync(Context context, CancellationToken ct)
        {
            if (projection.Lifecycle != ProjectionLifecycle.Async)
            {
                return null;
            }
            await using var command = context.Command($"select last_seq_id from {context.Schema}.mt_event_progression where name = @name");
            command.Parameters.AddWithValue("name", projection.Name + ":All");
            return await command.ExecuteScalarAsync(ct) as long? ?? 0;
        }

        /// <summary>The stored rows with these ids, as id text → jsonb text.</summary>
        protected async Task<Dictionary<string, string>> StoredAsync(Context context, Array ids, CancellationToken ct)
        {
            var stored = new Dictionary<string, string>();
            if (ids.Length == 0)
            {
                return stored;
            }
            await using var command = context.Command($"select id::text, data::text from {Table} where id = any(@ids)");
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored[reader.GetString(0)] = reader.GetString(1);
            }
            return stored;
        }

        /// <summary>Compares recomputed rows with the stored rows of the same ids; remembers the ids recomputed.</summary>
        protected void Compare(Context context, IReadOnlyDictionary<string, object> recomputed, Dictionary<string, string> stored, Tally tally)
        {
            var serializer = context.Store.Options.Serializer();
            foreach (var (id, document) in recomputed)
            {
                tally.Recomputed.Add(id);
                if (!stored.TryGetValue(id, out var storedJson))
                {
                    tally.Add(context, new ReadModelDifference(ReadModel, id, "missing", []));
                    continue;
                }
                using var left = JsonDocument.Parse(storedJson);
                using var right = JsonDocument.Parse(serializer.ToJson(document));
                var fields = new List<ReadModelFieldDifference>();
                Diff("", left.RootElement, right.RootElement, fields);
                if (fields.Count > 0)
                {
                    tally.Add(context, new ReadModelDifference(ReadModel, id, "differs", fields));
                }
            }
        }

        /// <summary>Stored rows no event produces. Streams every stored id; keeps none but the differences.</summary>
        protected async Task<long> ExtrasAsync(Context context, Tally tally, CancellationToken ct)
        {
            await using var command = context.Command($"select id::text from {Table} order by id");
            await using var reader = await command.ExecuteReaderAsync(ct);
            long rows = 0;
            var extras = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                rows++;
                var id = reader.GetString(0);
                if (!tally.Recomputed.Contains(id))
                {
                    extras.Add(id);
                }
            }
            await reader.DisposeAsync();
            foreach (var id in extras)
            {
                tally.Add(context, new ReadModelDifference(ReadModel, id, "extra", []));
            }
            return rows;
        }

        protected ReadModelResult Result(long storedRows, long eventsRead, long? upTo, Tally tally) =>
            new(ReadModel, projection.GetType().Name, projection.Lifecycle.ToString(), Table, RowsAreStreams, storedRows, tally.Recomputed.Count, eventsRead, upTo,
                tally.Count, tally.Listed);

        private static void Diff(string path, JsonElement stored, JsonElement recomputed, List<ReadModelFieldDifference> fields)
        {
            if (stored.ValueKind == JsonValueKind.Object && recomputed.ValueKind == JsonValueKind.Object)
            {
                var names = stored.EnumerateObject().Select(p => p.Name).Union(recomputed.EnumerateObject().Select(p => p.Name)).Order(StringComparer.Ordinal);
                foreach (var name in names)
                {
                    var child = path.Length == 0 ? name : path + "." + name;
                    var inStored = stored.TryGetProperty(name, out var s);
                    var inRecomputed = recomputed.TryGetProperty(name, out var r);
                    if (inStored && inRecomputed)
                    {
                        Diff(child, s, r, fields);
                    }
                    else if (!(inStored ? s : r).ValueKind.Equals(JsonValueKind.Null))
                    {
                        // An absent member and a null one mean the same to the serializer: only a value counts.
                        fields.Add(new ReadModelFieldDifference(child, inStored ? s.GetRawText() : null, inRecomputed ? r.GetRawText() : null));
                    }
                }
                return;
            }
            if (!JsonElement.DeepEquals(stored, recomputed))
            {
                fields.Add(new ReadModelFieldDifference(path.Length == 0 ? "$" : path, stored.GetRawText(), recomputed.GetRawText()));
            }
        }
    }

    /// <summary>Counts every difference; lists the first <c>limit</c>.</summary>
    private sealed class Tally
    {
        public HashSet<string> Recomputed { get; } = [];

        public List<ReadModelDifference> Listed { get; } = [];

        public int Count { get; private set; }

        public void Add(Context context, ReadModelDifference difference)
        {
            Count++;
            if (Listed.Count < context.Limit)
            {
                Listed.Add(difference);
            }
        }
    }
}
