namespace MyGovernment.LocalPostgres;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) on this machine.</summary>
public static class PostgresBinaries
{
    public const string InstallHint =
        "PostgreSQL server programs (initdb, pg_ctl) were not found. Install the PostgreSQL server " +
        "(Debian/Ubuntu: 'sudo apt-get install postgresql'; Fedora: 'sudo dnf install postgresql-server'; " +
        "macOS: 'brew install postgresql@16'), or set LocalPostgres__BinDirectory to the folder that holds them, " +
        "or point the API at an existing database with ConnectionStrings__Postgres.";

    /// <summary>The folder holding initdb and pg_ctl: configured, then PATH, then /usr/lib/postgresql/*/bin (newest).</summary>
    public static string Locate(string? configured)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configured))
        {
            candidates.Add(configured);
        }
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/pgsql", "/opt/homebrew/opt" })
        {
            if (Directory.Exists(root))
            {
                candidates.AddRange(Directory.GetDirectories(root)
                    .Select(d => Path.Combine(d, "bin"))
                    .OrderByDescending(VersionOf));
            }
        }

        return candidates.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            ?? throw new LocalPostgresException(InstallHint);
    }

    private static int VersionOf(string binDirectory)
    {
        var name = Path.GetFileName(Path.GetDirectoryName(binDirectory)) ?? "";
        var digits = new string(name.Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, out var version) ? version : 0;
    }
}

public sealed class LocalPostgresException(string message) : Exception(message);
