using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MyGovernment.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster of our own, created from the machine's server binaries in a folder we own and listening
/// on loopback only. PostgreSQL refuses to run as root, so when we are root the server programs run as the
/// 'postgres' system user and the folder is handed to that user.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly bool _deleteOnStop;
    private bool _stopped;

    // A cluster that was already running (another API process on the same folder) is left for its owner to stop.
    private bool _startedHere;

    private LocalPostgresCluster(string bin, string dataDirectory, int port, string database, bool deleteOnStop)
    {
        _bin = bin;
        DataDirectory = dataDirectory;
        Port = port;
        _deleteOnStop = deleteOnStop;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = database,
            Username = "postgres",
            // Measured on this stack: about +25-35% command throughput (STACK-NOTES).
            NoResetOnClose = true,
            MaxAutoPrepare = 50,
            MaxPoolSize = 40,
        }.ConnectionString;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the cluster on first use, starts it (or reuses it when already running) and creates the database.</summary>
    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions options, string dataDirectory, bool deleteOnStop, CancellationToken ct = default)
    {
        var bin = PostgresBinaries.Locate(options.BinDirectory);
        Directory.CreateDirectory(dataDirectory);
        var port = options.Port == 0 ? FreePort() : options.Port;
        var cluster = new LocalPostgresCluster(bin, dataDirectory, port, options.Database, deleteOnStop);
        await cluster.InitialiseAsync(options.ServerSettings, ct);
        await cluster.StartServerAsync(ct);
        await cluster.CreateDatabaseAsync(options.Database, ct);
        return cluster;
    }

    private string PgData => Path.Combine(DataDirectory, "data");

    private string LogFile => Path.Combine(DataDirectory, "postgres.log");

    private async Task InitialiseAsync(IEnumerable<string> serverSettings, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(PgData, "PG_VERSION")))
        {
            return;
        }
        HandToServerUser(DataDirectory);
        await RunAsync("initdb", ["-D", PgData, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"], ct);
        // Loopback TCP only; no unix socket, so nothing is written outside our folder.
        await File.AppendAllTextAsync(Path.Combine(PgData, "postgresql.conf"),
            "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\n" + string.Concat(serverSettings.Select(line => line + "\n")), ct);
        HandToServerUser(DataDirectory);
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        if (await IsOurServerRunningAsync(ct))
        {
            return;
        }
        if (!PortIsFree(Port))
        {
            throw new LocalPostgresException(
                $"Port {Port} on 127.0.0.1 is taken by another program, so the local PostgreSQL cannot start. " +
                "Set LocalPostgres__Port to a free port, or set ConnectionStrings__Postgres to use an existing database.");
        }
        await RunAsync("pg_ctl", ["-D", PgData, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {Port}", "start"], ct);
        _startedHere = true;
    }

    private async Task<bool> IsOurServerRunningAsync(CancellationToken ct)
    {
        // pg_ctl status exits 0 when the postmaster named in our postmaster.pid is alive.
        var (code, _) = await RunRawAsync("pg_ctl", ["-D", PgData, "status"], ct);
        if (code != 0)
        {
            return false;
        }
        var pidFile = await File.ReadAllLinesAsync(Path.Combine(PgData, "postmaster.pid"), ct);
        if (pidFile.Length > 3 && pidFile[3].Trim() != Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new LocalPostgresException(
                $"The local PostgreSQL in {DataDirectory} is already running on port {pidFile[3].Trim()}, not {Port}. " +
                $"Stop it with: pg_ctl -D {PgData} stop, or set LocalPostgres__Port={pidFile[3].Trim()}.");
        }
        return true;
    }

    private async Task CreateDatabaseAsync(string database, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Stops the server the way a crash or an operator would (fault tests): "immediate" skips the shutdown
    /// checkpoint, so the next start replays the WAL. The folder is kept.
    /// </summary>
    public async Task StopServerAsync(bool immediate)
    {
        await RunAsync("pg_ctl", ["-D", PgData, "-m", immediate ? "immediate" : "fast", "-w", "stop"], CancellationToken.None);
    }

    /// <summary>Starts the server again after <see cref="StopServerAsync"/>.</summary>
    public Task StartServerAgainAsync(CancellationToken ct = default) =>
        RunAsync("pg_ctl", ["-D", PgData, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {Port}", "start"], ct);

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        if (!_startedHere)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await RunRawAsync("pg_ctl", ["-D", PgData, "-m", "fast", "-w", "stop"], CancellationToken.None);
        if (_deleteOnStop)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; failing a test run over it is not.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task RunAsync(string program, IReadOnlyList<string> args, CancellationToken ct)
    {
        var (code, output) = await RunRawAsync(program, args, ct);
        if (code != 0)
        {
            var log = File.Exists(LogFile) ? string.Join('\n', (await File.ReadAllLinesAsync(LogFile, ct)).TakeLast(15)) : "";
            throw new LocalPostgresException($"'{program} {string.Join(' ', args)}' failed with exit code {code}:\n{output}\n{log}");
        }
    }

    private async Task<(int Code, string Output)> RunRawAsync(string program, IReadOnlyList<string> args, CancellationToken ct)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (IsRoot)
        {
            // PostgreSQL will not run as root: run the program as the postgres system user instead.
            info.FileName = "runuser";
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add("postgres");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(Path.Combine(_bin, program));
        }
        else
        {
            info.FileName = Path.Combine(_bin, program);
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.WorkingDirectory = DataDirectory;
        using var process = Process.Start(info) ?? throw new LocalPostgresException($"Could not start {program}.");
        // pg_ctl start leaves the server holding stdout open: read to end only what the program itself writes.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(2), ct)) is Task<string[]> done
            ? string.Concat(done.Result)
            : "";
        return (process.ExitCode, output);
    }

    private static void HandToServerUser(string directory)
    {
        if (!IsRoot)
        {
            return;
        }
        using var chown = Process.Start("chown", ["-R", "postgres:postgres", directory]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new LocalPostgresException(
                $"As root, the local PostgreSQL must run as the 'postgres' user, but '{directory}' could not be given to it. " +
                "Create that user (apt-get install postgresql does) or set ConnectionStrings__Postgres.");
        }
    }

    /// <summary>Effective user is root (Environment.UserName reads the effective uid on Unix).</summary>
    public static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
