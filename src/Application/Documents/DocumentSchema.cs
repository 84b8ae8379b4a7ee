using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace MyGovernment.Application.Documents;

/// <summary>
/// The uploaded documents' table (see <see cref="UploadedDocumentsTable"/>), created and migrated by Marten with the
/// rest of the schema, like the integrity tables. A plain table rather than a Marten document: the content is bytea
/// (PostgreSQL moves it out of line by itself, TOAST), never base64 inside JSON, and is read only when downloaded.
/// </summary>
public static class DocumentSchema
{
    public static void AddDocumentTables(this StoreOptions opts, string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, UploadedDocumentsTable.Name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("owner").AsPrimaryKey();
        table.AddColumn<string>("sha256").AsPrimaryKey();
        table.AddColumn<long>("size_bytes").NotNull();
        table.AddColumn<string>("content_type").NotNull();
        table.AddColumn<string>("file_name").NotNull();
        table.AddColumn("content", "bytea").NotNull();
        table.AddColumn<DateTimeOffset>("uploaded_at").NotNull();
        table.AddColumn<DateTimeOffset>("referenced_at");
        // The purge job's question: unreferenced uploads older than the retention.
        table.Indexes.Add(new IndexDefinition($"ix_{UploadedDocumentsTable.Name}_unreferenced")
        {
            Columns = ["uploaded_at"],
            Predicate = "referenced_at is null",
        });
        opts.Storage.ExtendedSchemaObjects.Add(table);
    }
}
