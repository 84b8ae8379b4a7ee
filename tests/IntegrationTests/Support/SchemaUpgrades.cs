using JasperFx;
using Marten;
using Npgsql;
using Weasel.Core;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>
/// For tests that upgrade a scratch database from a previous release's schema: a bare document store with the host's
/// serialization (so columns Marten fills from the JSON match what queries compare them to), and the indexes a schema
/// holds, as PostgreSQL reports them.
/// </summary>
public static class SchemaUpgrades
{
    public static DocumentStore Store(string connectionString, string schema, Action<StoreOptions> configure) => DocumentStore.For(opts =>
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        configure(opts);
    });

    public sealed record Index(string Table, string Name, string Definition);

    public static async Task<List<Index>> IndexesAsync(string connectionString, string schema, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var query = new NpgsqlCommand("select tablename, indexname, indexdef from pg_indexes where schemaname = $1", connection)
        {
            Parameters = { new() { Value = schema } },
        };
        await using var reader = await query.ExecuteReaderAsync(ct);
        var indexes = new List<Index>();
        while (await reader.ReadAsync(ct))
        {
            indexes.Add(new Index(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return indexes;
    }
}
