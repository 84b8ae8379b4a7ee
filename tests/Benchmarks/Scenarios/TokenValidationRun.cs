using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyGovernment.Api.Identity;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>
/// `tokens`: the CPU of authenticating one request, with the API's own JWT bearer setup, with and without the
/// validated-token cache, alternated in one process so that a machine's changing speed falls on both alike. The
/// same officer token is sent again and again, as a client does between two refreshes of its token.
/// </summary>
internal static class TokenValidationRun
{
    public static async Task<int> RunAsync(int rounds, int perRound)
    {
        await using var cached = Build(cacheSeconds: 300);
        await using var validated = Build(cacheSeconds: 0);
        var token = cached.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint("officer-bench", Roles.Officer, "MOL", "401234561");
        var otherToken = validated.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint("officer-bench", Roles.Officer, "MOL", "401234561");

        // Both paths compiled and settled before anything is measured: tiered compilation takes seconds of calls (a
        // count-based warm-up of 40,000 left validation still falling from 31 to 8 us over the next rounds).
        foreach (var (app, sent) in new[] { (cached, token), (validated, otherToken) })
        {
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < TimeSpan.FromSeconds(10))
            {
                await MeasureAsync(app, sent, 1_000);
            }
        }

        var withCache = new List<double>();
        var without = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // ABBA: neither side always runs first.
            if (round % 2 == 0)
            {
                without.Add(await MeasureAsync(validated, otherToken, perRound));
                withCache.Add(await MeasureAsync(cached, token, perRound));
            }
            else
            {
                withCache.Add(await MeasureAsync(cached, token, perRound));
                without.Add(await MeasureAsync(validated, otherToken, perRound));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   round {round + 1}: validated {without[^1],6:0.0} us, remembered {withCache[^1],6:0.0} us of CPU per authentication"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"authentication of one request (median of {rounds} rounds of {perRound:N0}): validated {Median(without):0.0} us, remembered {Median(withCache):0.0} us of CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"for scale, the signature check alone of a production token: RS256 (2048-bit key) {RsaVerify(perRound):0.0} us of CPU (the tokens above are HS256)"));
        return 0;
    }

    /// <summary>What an identity provider's RS256 signature costs to check, which the HS256 development tokens do not show.</summary>
    private static double RsaVerify(int count)
    {
        using var rsa = RSA.Create(2048);
        var signed = new byte[400];
        Random.Shared.NextBytes(signed);
        var signature = rsa.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var before = ProcessCpu();
        for (var i = 0; i < count; i++)
        {
            if (!rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                throw new InvalidOperationException("the signature did not verify");
            }
        }
        return (ProcessCpu() - before).TotalMicroseconds / count;
    }

    private static WebApplication Build(int cacheSeconds)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration["Authentication:DevelopmentIssuer"] = "true";
        builder.Configuration["Authentication:TokenCache:MaxAgeSeconds"] = cacheSeconds.ToString(CultureInfo.InvariantCulture);
        builder.AddMyGovernmentAuthentication();
        return builder.Build();
    }

    /// <summary>CPU of the whole process (runtime threads included) per authentication, in microseconds.</summary>
    private static async Task<double> MeasureAsync(WebApplication app, string token, int count)
    {
        var before = ProcessCpu();
        for (var i = 0; i < count; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            http.Request.Headers.Authorization = "Bearer " + token;
            var result = await http.AuthenticateAsync();
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("the benchmark's token was refused: " + result.Failure?.Message);
            }
        }
        return (ProcessCpu() - before).TotalMicroseconds / count;
    }

    /// <summary>CPU this process has used so far, all its threads (the runtime's included).</summary>
    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
