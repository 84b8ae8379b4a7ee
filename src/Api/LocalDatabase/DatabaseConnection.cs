using MyGovernment.LocalPostgres;

namespace MyGovernment.Api.LocalDatabase;

/// <summary>
/// Decides where the database is: the configured connection string if there is one, otherwise the embedded
/// local cluster in a git-ignored folder of the repository.
/// </summary>
public static class DatabaseConnection
{
    public const string ConnectionStringName = "Postgres";

    public static async Task<(string ConnectionString, LocalPostgresCluster? Cluster)> ResolveAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured, null);
        }
        var options = new LocalPostgresOptions();
        builder.Configuration.GetSection("LocalPostgres").Bind(options);
        var dataDirectory = options.DataDirectory ?? DefaultDataDirectory(builder.Environment.ContentRootPath);
        Console.WriteLine($"No ConnectionStrings:{ConnectionStringName} configured: starting the local PostgreSQL in {dataDirectory} on 127.0.0.1:{options.Port}.");
        var cluster = await LocalPostgresCluster.StartAsync(options, dataDirectory, deleteOnStop: false);
        return (cluster.ConnectionString, cluster);
    }

    /// <summary>".local/postgres" beside MyGovernment.sln (or under the content root when run outside the repository).</summary>
    public static string DefaultDataDirectory(string contentRoot)
    {
        var dir = new DirectoryInfo(contentRoot);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MyGovernment.sln")))
        {
            dir = dir.Parent;
        }
        var local = Path.Combine(dir?.FullName ?? contentRoot, ".local", "postgres");
        if (LocalPostgresCluster.IsRoot && !ReachableByOthers(Path.GetDirectoryName(local)!))
        {
            // As root the server runs as 'postgres', which must be able to walk down to its folder
            // (a clone under /root is not); use a folder it can reach instead.
            var name = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(local)))[..12];
            return Path.Combine("/var/tmp", "my-government-" + name.ToLowerInvariant(), "postgres");
        }
        return local;
    }

    private static bool ReachableByOthers(string path)
    {
        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && !dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }
        return true;
    }
}
