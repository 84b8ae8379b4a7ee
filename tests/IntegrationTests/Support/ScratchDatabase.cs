using Npgsql;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>A fresh, empty database in the fixture's cluster, for tests that edit tables by hand away from the shared one.</summary>
public static class ScratchDatabase
{
    /// <summary>Creates the database and returns its connection string (the fixture's, with the database swapped).</summary>
    public static async Task<string> CreateAsync(string clusterConnectionString, string prefix)
    {
        var database = prefix + Guid.NewGuid().ToString("N")[..8];
        var admin = new NpgsqlConnectionStringBuilder(clusterConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(clusterConnectionString) { Database = database }.ConnectionString;
    }
}
