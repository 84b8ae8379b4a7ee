using System.Globalization;
using System.Text.Json;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MyGovernment.Api.LocalDatabase;
using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;

namespace MyGovernment.Simulator;

public sealed class SimulateInput
{
    [Description("Environment of the API's configuration: Development or Testing, nothing else (default: DOTNET_ENVIRONMENT, else ASPNETCORE_ENVIRONMENT, else Production, which is refused)")]
    public string? EnvironmentFlag { get; set; }

    [Description("How many service requests citizens submit (default 500)")]
    public int RequestsFlag { get; set; } = 500;

    [Description("Departments (default 4)")]
    public int DepartmentsFlag { get; set; } = 4;

    [Description("Officers per department, besides its supervisor (default 6)")]
    public int OfficersFlag { get; set; } = 6;

    [Description("Calendar days of the period (default 42)")]
    public int DaysFlag { get; set; } = 42;

    [Description("Last day of the period, yyyy-MM-dd (default: a week ago)")]
    public string? EndFlag { get; set; }

    [Description("Random seed: the same seed gives the same activity (default 20260101)")]
    public int SeedFlag { get; set; } = 20260101;

    [Description("Prefix of department, service and officer codes (default SIM)")]
    public string PrefixFlag { get; set; } = "SIM";

    [Description("Violations to plant: all, none, or a comma list of report names (default none)")]
    public string ViolationsFlag { get; set; } = "none";
}

/// <summary>
/// `dotnet run --project tools/Simulator -- --environment Development --requests 500 --violations all`: a synthetic
/// period of activity through the real command path, with planted violations; demo data for the oversight reports.
/// </summary>
[Description("Simulate a period of government office activity through the real commands, with optional planted violations", Name = Name)]
public sealed class SimulateCommand : JasperFxAsyncCommand<SimulateInput>
{
    public const string Name = "simulate";

    public override async Task<bool> Execute(SimulateInput input)
    {
        var environment = input.EnvironmentFlag
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production;
        if (!SimulationGuard.Allows(environment))
        {
            // Before any configuration is read or any database is touched.
            await Console.Error.WriteLineAsync(SimulationGuard.Refusal(environment));
            return false;
        }
        var options = new SimulationOptions
        {
            Requests = input.RequestsFlag, Departments = input.DepartmentsFlag, OfficersPerDepartment = input.OfficersFlag, Days = input.DaysFlag,
            End = input.EndFlag is null ? null : DateOnly.ParseExact(input.EndFlag, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Seed = input.SeedFlag, Prefix = input.PrefixFlag, Violations = SimulationOptions.ParseViolations(input.ViolationsFlag),
        };

        // The API starts its local PostgreSQL itself when no connection string is configured, but only its own
        // Program stops it again; so the simulator resolves the database first and owns the cluster it started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = ApiContentRoot() });
        var (connectionString, localCluster) = await DatabaseConnection.ResolveAsync(builder);
        try
        {
            await using var government = new SimulatedGovernment(environment, new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseConnection.ConnectionStringName}"] = connectionString,
            });
            var result = await SimulateAsync(government.Services, options, CancellationToken.None);
            Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            return result.Run.Failures == 0;
        }
        finally
        {
            if (localCluster is not null)
            {
                await localCluster.StopAsync();
            }
        }
    }

    /// <summary>src/Api beside MyGovernment.sln, where the API's configuration files are (else the working directory).</summary>
    private static string ApiContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MyGovernment.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Api");
            }
        }
        return Directory.GetCurrentDirectory();
    }

    public sealed record Outcome(int Requests, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Departments, IReadOnlyList<string> Services,
        IReadOnlyList<PlantedViolation> Planted, SimulationResult Run);

    /// <summary>Plans on the configured working hours and the catalog's holidays, then runs the plan.</summary>
    public static async Task<Outcome> SimulateAsync(IServiceProvider services, SimulationOptions options, CancellationToken ct)
    {
        var settings = services.GetRequiredService<IOptions<OversightSettings>>().Value;
        var calendar = await services.GetRequiredService<IWorkingCalendarSource>().GetAsync(ct);
        var plan = SimulationPlanner.Plan(options with { OutlierMinimumDecisions = settings.OutlierMinimumDecisions }, settings, calendar,
            PalestineTime.LocalDate(DateTimeOffset.UtcNow));
        var result = await services.GetRequiredService<SimulationRunner>().RunAsync(plan, ct);
        return new Outcome(plan.RequestCount, plan.Start, plan.End, plan.Departments, plan.Services, plan.Planted, result);
    }
}
