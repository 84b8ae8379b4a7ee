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

        /// <summary>
        /// Text columns Marten keeps beside the document (duplicated fields, e.g. the request's department, assignee and
        /// status, which the workload count reads instead of the JSON): a row whose column no longer says what its
        /// document says would be counted wrongly without its JSON differing, so each is compared with the document.
        /// </summary>
        private readonly (string Column, string Selector)[] _textColumns = TextColumns(options.FindOrResolveDocumentType(documentType));

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

        /// <summary>The stored rows with these ids, by id text: the jsonb text, and each text column that disagrees with it.</summary>
        protected async Task<Dictionary<string, StoredRow>> StoredAsync(Context context, Array ids, CancellationToken ct)
        {
            var stored = new Dictionary<string, StoredRow>();
            if (ids.Length == 0)
            {
                return stored;
            }
            var columns = string.Concat(_textColumns.Select(c => $", {c.Column} is distinct from ({c.Selector}), {c.Column}, ({c.Selector})"));
            await using var command = context.Command($"select id::text, data::text{columns} from {Table} where id = any(@ids)");
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var drifted = new List<ReadModelFieldDifference>();
                for (var i = 0; i < _textColumns.Length; i++)
                {
                    var at = 2 + (3 * i);
                    if (reader.GetBoolean(at))
                    {
                        drifted.Add(new ReadModelFieldDifference(_textColumns[i].Column.Trim('"') + " (column)",
                            reader.IsDBNull(at + 1) ? null : reader.GetString(at + 1), reader.IsDBNull(at + 2) ? null : reader.GetString(at + 2)));
                    }
                }
                stored[reader.GetString(0)] = new StoredRow(reader.GetString(1), drifted);
            }
            return stored;
        }

        /// <summary>A duplicated column and the SQL that reads its value from the document, as Marten fills it.</summary>
        private static (string Column, string Selector)[] TextColumns(IDocumentType mapping) =>
            mapping is DocumentMapping document
                ? [.. document.DuplicatedFields
                    .Where(f => f.PgType.StartsWith("varchar", StringComparison.OrdinalIgnoreCase) || f.PgType.Equals("text", StringComparison.OrdinalIgnoreCase))
                    .Select(f => f.UpdateSqlFragment().Split(" = ", 2))
                    .Select(parts => (parts[0], parts[1]))]
                : [];

        /// <summary>Compares recomputed rows with the stored rows of the same ids; remembers the ids recomputed.</summary>
        protected void Compare(Context context, IReadOnlyDictionary<string, object> recomputed, Dictionary<string, StoredRow> stored, Tally tally)
        {
            var serializer = context.Store.Options.Serializer();
            foreach (var (id, document) in recomputed)
            {
                tally.Recomputed.Add(id);
                if (!stored.TryGetValue(id, out var row))
                {
                    tally.Add(context, new ReadModelDifference(ReadModel, id, "missing", []));
                    continue;
                }
                using var left = JsonDocument.Parse(row.Json);
                using var right = JsonDocument.Parse(serializer.ToJson(document));
                var fields = new List<ReadModelFieldDifference>();
                Diff("", left.RootElement, right.RootElement, fields);
                fields.AddRange(row.DriftedColumns);
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

    /// <summary>A stored row: its document, and the duplicated columns that no longer say what the document says.</summary>
    private sealed record StoredRow(string Json, IReadOnlyList<ReadModelFieldDifference> DriftedColumns);

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
