using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MyGovernment.IntegrationTests.Operations;

/// <summary>
/// The API as a separate operating-system process, so a test can kill it the way a crash does (SIGKILL: no shutdown
/// hook runs, its database sessions just drop) or freeze it (SIGSTOP) to look at what it had accepted.
/// </summary>
public sealed class ApiNodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiNodeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public static async Task<ApiNodeProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var dll = ApiAssemblyPath();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start)!;
        // Drained so a chatty node never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new ApiNodeProcess(process, address);
        await node.WaitUntilReadyAsync(ct);
        return node;
    }

    public void Freeze() => Signal("STOP");

    public void Thaw() => Signal("CONT");

    /// <summary>SIGKILL, as a crash or an out-of-memory kill: no graceful shutdown, nothing released by the node itself.</summary>
    public void KillAbruptly()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Thaw();
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API node exited at start with code {_process.ExitCode}.");
            }
            try
            {
                if ((await Client.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException("The API node was not ready within 90 s.");
    }

    private void Signal(string signal)
    {
        if (_process.HasExited)
        {
            return;
        }
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>
    /// The API's build output: beside the tests when the SDK copied it there, else (or when <paramref name="ownFolder"/>)
    /// the Api project's own bin folder. Commands need their own: the command line scans the assemblies beside it for
    /// more commands, and beside the tests it would meet the test framework's.
    /// </summary>
    internal static string ApiAssemblyPath(bool ownFolder = false)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "MyGovernment.Api.dll");
        if (!ownFolder && File.Exists(Path.Combine(AppContext.BaseDirectory, "MyGovernment.Api.runtimeconfig.json")))
        {
            return beside;
        }
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Api", "bin", configuration, "net10.0", "MyGovernment.Api.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("MyGovernment.Api.dll with its runtimeconfig was not found; build src/Api first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
