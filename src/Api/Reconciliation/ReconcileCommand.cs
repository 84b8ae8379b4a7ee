using System.Globalization;
using System.Text.Json;
using JasperFx.CommandLine;
using Marten;
using MyGovernment.Api.Errors;
using MyGovernment.Application.Payments;
using MyGovernment.Application.Reconciliation;
using MyGovernment.Domain.Common;
using MyGovernment.Projections.Reconciliation;
using Wolverine;

namespace MyGovernment.Api.Reconciliation;

public sealed class ReconcileInput : NetCoreInput
{
    [Description("The UTC day of the captures the statement settles, yyyy-MM-dd (default: yesterday)")]
    public string? DateFlag { get; set; }

    [Description("A settlement file (CSV) to import; without it the provider's file of that day is fetched from its settlement API")]
    public string? FileFlag { get; set; }

    [Description("Who runs the import, recorded on the reconciliation (default: operator:<user name>)")]
    public string? ByFlag { get; set; }
}

/// <summary>
/// `dotnet run --project src/Api -- reconcile [--date yyyy-MM-dd] [--file statement.csv]`: the daily reconciliation
/// for operators and schedulers (cron), the same command path as POST /api/finance/reconciliations. Exit code 1 when
/// the reconciliation found breaks.
/// </summary>
[Description("Import a day's settlement statement (a file, or fetched from the provider) and reconcile it against captured payments", Name = "reconcile")]
public sealed class ReconcileCommand : JasperFxAsyncCommand<ReconcileInput>
{
    public override async Task<bool> Execute(ReconcileInput input)
    {
        // Yesterday (UTC) unless named: the provider settles a day after capture.
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        if (input.DateFlag is not null && !DateOnly.TryParseExact(input.DateFlag, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            Console.WriteLine($"reconcile: --date must be yyyy-MM-dd, not '{input.DateFlag}'");
            return false;
        }
        // Relative to the caller's folder, not the project's (see CallerPath); the message names it as typed.
        var typed = input.FileFlag;
        input.FileFlag = typed is null ? null : MyGovernment.Api.Hosting.CallerPath.Resolve(typed);
        if (input.FileFlag is not null && !File.Exists(input.FileFlag))
        {
            Console.WriteLine($"reconcile: no such file: {typed}");
            return false;
        }
        try
        {
            return await RunAsync(input, day);
        }
        catch (Exception refused) when (ProblemExceptionHandler.ToProblem(refused, new DefaultHttpContext()) is { Status: < 500 } problem)
        {
            // The same refusals the API answers with a 4xx (e.g. this file was imported before: 409), in one line.
            Console.WriteLine($"reconcile: refused ({problem.Status} {problem.Extensions["code"]}): {problem.Detail ?? problem.Title}");
            return false;
        }
    }

    private static async Task<bool> RunAsync(ReconcileInput input, DateOnly day)
    {
        using var host = input.BuildHost();
        await host.StartAsync();
        try
        {
            var by = new Actor(input.ByFlag ?? "operator:" + Environment.UserName, "finance", "TREASURY");
            using var scope = host.Services.CreateScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            ImportSettlementStatement.Send send = (command, ct) => bus.InvokeAsync<ReconciliationDone>(command, ct);
            await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var result = input.FileFlag is null
                ? await ImportSettlementStatement.FromProviderAsync(day, host.Services.GetRequiredService<IPaymentProvider>(), by, send, session, CancellationToken.None)
                : await ImportSettlementStatement.FromFileAsync(day, await File.ReadAllBytesAsync(input.FileFlag), by, send, session, CancellationToken.None);
            Console.WriteLine(JsonSerializer.Serialize(ReconciliationSummary.Of(result), new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            Console.WriteLine(result.Breaks == 0 ? "reconcile: all matched" : $"reconcile: {result.Breaks} break(s); see {ReconciliationSummary.Of(result).Items}");
            return result.Breaks == 0;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
