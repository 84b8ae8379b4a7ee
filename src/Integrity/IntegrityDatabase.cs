using Npgsql;

namespace MyGovernment.Integrity;

/// <summary>
/// Where the integrity tables live: the event store's own database and schema. The host passes its Marten schema
/// in, so nothing here depends on how the host configures Marten.
/// </summary>
public sealed record IntegrityDatabase(string ConnectionString, string Schema)
{
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }
}
