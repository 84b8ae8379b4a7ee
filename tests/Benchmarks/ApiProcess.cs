using System.Diagnostics;
using System.Net.Http.Json;

namespace MyGovernment.Benchmarks;

/// <summary>The real API as a separate process on loopback Kestrel, against the benchmark's database.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri baseAddress, TimeSpan startToReady)
    {
        _process = process;
        BaseAddress = baseAddress;
        StartToReady = startToReady;
    }

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(420);

    private const string ApiOnlyPrefix = "BENCH_API_";

    public Uri BaseAddress { get; }

    public TimeSpan StartToReady { get; }

    public Process Process => _process;

    public static async Task<ApiProcess> StartAsync(string apiDll, string connectionString, int port, IDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(apiDll);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ConnectionStrings__Postgres"] = connectionString;
        info.Environment["Authentication__DevelopmentIssuer"] = "true";
        info.Environment["Catalog__SeedDemo"] = "true";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // Load tools speak for many citizens from one address: lift the per-user and per-address limits.
        info.Environment["RateLimiting__PermitsPerMinute"] = "100000000";
        info.Environment["RateLimiting__PermitsPerAddressPerMinute"] = "100000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        // BENCH_API_X=V in the benchmark's environment sets X=V for the API only (runtime knobs such as
        // DOTNET_gcServer, compared side by side without touching the load generator's own runtime).
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            if (entry.Key is string name && name.StartsWith(ApiOnlyPrefix, StringComparison.Ordinal))
            {
                info.Environment[name[ApiOnlyPrefix.Length..]] = entry.Value as string;
            }
        }
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the API");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        // Generous: on a shared, overloaded machine the warm-up's code generation alone has taken over three minutes.
        while (clock.Elapsed < ReadyTimeout)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return new ApiProcess(process, baseAddress, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the API exited with {process.ExitCode} before it was ready");
            }
            await Task.Delay(20);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"the API was not ready within {ReadyTimeout.TotalSeconds} s");
    }

    public async Task<string> TokenAsync(HttpClient http, string subject, string role, string? department = null, string? nationalId = null)
    {
        var response = await http.PostAsJsonAsync(new Uri(BaseAddress, "/dev/tokens"), new { subject, role, department, nationalId });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    /// <summary>kill -9: no graceful shutdown, no flushing; what was acknowledged must already be durable.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private sealed record TokenResponse(string AccessToken);
}
