using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>
/// The first request of each route the benchmark uses, timed on a freshly started API right after /health/ready
/// answers: what a node that has just joined a load balancer makes its first callers wait (issue 16: at most 0.5 s).
/// Run before any other traffic, one route at a time, in the order a request's life uses them.
/// </summary>
public static class FirstRequests
{
    public static async Task<IReadOnlyList<(string Route, double Ms)>> MeasureAsync(HttpCommands commands)
    {
        var http = commands.Http;
        var timings = new List<(string, double)>();
        async Task<T> Time<T>(string route, Func<Task<T>> call)
        {
            var clock = Stopwatch.StartNew();
            var result = await call();
            timings.Add((route, clock.Elapsed.TotalMilliseconds));
            return result;
        }

        var id = await Time("POST /api/service-requests", () => commands.SubmitAsync(0));
        await Time("GET /api/service-requests/{id}", async () =>
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/service-requests/{id}");
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", commands.CitizenToken(0));
            using var response = await http.SendAsync(get);
            return response.EnsureSuccessStatusCode().StatusCode;
        });
        var claimed = await Time("POST /api/service-requests/{id}/claim", () => commands.ClaimAsync(id, 3));
        await Time("POST /api/service-requests/{id}/decision/propose", () => commands.ApproveAsync(id, claimed));
        await Time("GET /api/departments/{code}/queue", async () =>
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, "/api/departments/MOL/queue?limit=20");
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", commands.OfficerToken);
            using var response = await http.SendAsync(get);
            return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<object>()) is not null;
        });
        return timings;
    }
}
