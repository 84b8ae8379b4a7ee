namespace MyGovernment.LocalPostgres;

/// <summary>Settings of the embedded development cluster (section "LocalPostgres").</summary>
public sealed class LocalPostgresOptions
{
    /// <summary>Where the cluster lives. Default: ".local/postgres" at the repository root (git-ignored).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Loopback port. 0 picks a free one (tests do this).</summary>
    public int Port { get; set; } = 54329;

    public string Database { get; set; } = "mygovernment";

    /// <summary>
    /// Extra postgresql.conf lines for a new cluster, e.g. <c>shared_preload_libraries = 'pg_stat_statements'</c> for the
    /// benchmark's statement statistics. Empty for everyone else: tests and development pay for nothing they do not use.
    /// </summary>
    public IList<string> ServerSettings { get; set; } = [];

    /// <summary>Folder of initdb/pg_ctl when they are neither on PATH nor under /usr/lib/postgresql.</summary>
    public string? BinDirectory { get; set; }
}
