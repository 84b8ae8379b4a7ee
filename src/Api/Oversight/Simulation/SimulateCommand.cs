using System.Globalization;
using System.Text.Json;
using JasperFx.CommandLine;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;

namespace MyGovernment.Api.Oversight.Simulation;

public sealed class SimulateInput : NetCoreInput
{
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
/// `dotnet run --project src/Api -- simulate --requests 500 --violations all`: a synthetic period of activity
/// through the real command path, with planted violations; demo data for the oversight reports.
/// </summary>
[Description("Simulate a period of government office activity through the real commands, with optional planted violations", Name = Name)]
public sealed class SimulateCommand : JasperFxAsyncCommand<SimulateInput>
{
    public const string Name = "simulate";

    public override async Task<bool> Execute(SimulateInput input)
    {
        using var host = input.BuildHost();
        await host.StartAsync();
        try
        {
            var options = new SimulationOptions
            {
                Requests = input.RequestsFlag, Departments = input.DepartmentsFlag, OfficersPerDepartment = input.OfficersFlag, Days = input.DaysFlag,
                End = input.EndFlag is null ? null : DateOnly.ParseExact(input.EndFlag, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Seed = input.SeedFlag, Prefix = input.PrefixFlag, Violations = SimulationOptions.ParseViolations(input.ViolationsFlag),
            };
            var result = await SimulateAsync(host.Services, options, CancellationToken.None);
            Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
            return result.Run.Failures == 0;
        }
        finally
        {
            await host.StopAsync();
        }
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
