using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MyGovernment.Api.LocalDatabase;
using MyGovernment.Domain.Integrity;
using MyGovernment.Integrity;
using MyGovernment.Witness;

namespace MyGovernment.Api.Integrity;

/// <summary>Configuration section "DevelopmentWitness" (on in appsettings.Development.json).</summary>
public sealed class DevelopmentWitnessOptions
{
    public bool Enabled { get; set; }

    /// <summary>Where the witness listens, on its own port beside the API's; port 0 picks a free one (tests).</summary>
    public string Url { get; set; } = "http://127.0.0.1:7380";

    /// <summary>Its key and state files. Default: "witness" beside the local PostgreSQL folder (.local/witness), so that
    /// deleting .local starts both memories of the log over together; with LocalPostgres:DataDirectory set, that
    /// folder's name + "-witness".</summary>
    public string? Directory { get; set; }

    public string Name { get; set; } = "witness.localhost/dev";
}

/// <summary>
/// In Development a witness (src/Witness, the program an audit bureau runs) runs beside the API: its own Kestrel on
/// its own port, its own Ed25519 key and state file outside the engine's database, and the engine configured to ask
/// it (one more Integrity:Witnesses entry), so that a fresh clone's checkpoints carry a cosignature.
/// </summary>
public static class DevelopmentWitness
{
    public const string KeyFile = "witness-key";
    public const string StateFile = "witness-state.json";

    /// <param name="serve">False for command-line commands: they learn the witness's key (verify checks its
    /// cosignatures) but start no server, which would take the running API's witness port.</param>
    public static void AddDevelopmentWitness(this WebApplicationBuilder builder, bool serve)
    {
        var options = builder.Configuration.GetSection("DevelopmentWitness").Get<DevelopmentWitnessOptions>() ?? new();
        if (!options.Enabled)
        {
            return;
        }
        var integrity = builder.Configuration.GetSection("Integrity").Get<IntegrityOptions>() ?? new();
        // The witness's memory belongs with the database it witnesses: a memory of another database's larger log
        // would make it refuse this one's checkpoints (rightly).
        var database = builder.Configuration["LocalPostgres:DataDirectory"];
        var folder = Path.GetFullPath(options.Directory ?? (string.IsNullOrWhiteSpace(database)
            ? Path.Combine(Path.GetDirectoryName(DatabaseConnection.DefaultDataDirectory(builder.Environment.ContentRootPath))!, "witness")
            : database.TrimEnd('/', '\\') + "-witness"));
        Directory.CreateDirectory(folder);
        var witnessKey = CosigningKey.Load(new WitnessOptions { Name = options.Name, KeyFile = KeyFile }, folder);
        var url = WithFreePort(options.Url);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Integrity:Witnesses:{integrity.Witnesses.Count}:Url"] = url,
            [$"Integrity:Witnesses:{integrity.Witnesses.Count}:VerifierKey"] = witnessKey.VerifierKey,
        });
        if (!serve)
        {
            return;
        }
        // The witness trusts the log's public key, which the engine's own key loading yields (creating the
        // development key file on a fresh clone, as the engine would a moment later).
        using var logKey = new CheckpointKey(Options.Create(integrity), builder.Environment);
        string[] args =
        [
            "--urls", url, "--contentRoot", folder, "--Witness:Name", options.Name,
            "--Witness:KeyFile", KeyFile, "--Witness:StateFile", StateFile,
            "--Witness:Logs:0:Origin", integrity.Origin, "--Witness:Logs:0:VerifierKey", SignedNote.VerifierKey(integrity.Origin, logKey.Key),
        ];
        // Registered before the sealer's worker: hosted services start in order, so the witness listens first.
        builder.Services.AddHostedService(_ => new DevelopmentWitnessHost(args));
        Console.WriteLine($"Development witness {witnessKey.VerifierKey} on {url}, files in {folder}.");
    }

    /// <summary>Port 0 becomes a free port now: the engine's configuration needs the URL before the witness starts.</summary>
    private static string WithFreePort(string url)
    {
        var uri = new Uri(url);
        if (uri.Port != 0)
        {
            return url.TrimEnd('/');
        }
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new UriBuilder(uri) { Port = port }.Uri.ToString().TrimEnd('/');
    }
}

/// <summary>The witness's own web application, started and stopped with the API's host.</summary>
public sealed class DevelopmentWitnessHost(string[] args) : IHostedService, IAsyncDisposable
{
    private WebApplication? _witness;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _witness = WitnessProgram.Build(args);
        await _witness.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _witness?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_witness is not null)
        {
            await _witness.DisposeAsync();
        }
    }
}
