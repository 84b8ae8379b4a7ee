using System.Globalization;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MyGovernment.PaymentsSandbox;

/// <summary>One line of the provider's daily settlement statement: what it captured, its fee, and what it pays out.</summary>
[CsvRecord]
public sealed partial record SettlementLine(
    string SessionId, string MerchantReference, decimal Amount, string Currency, DateTimeOffset CapturedAt, decimal Fee, decimal Net);

/// <summary>GET /sandbox/v1/settlements/{yyyy-MM-dd}.csv: the sessions captured that UTC day (reconciliation imports it).</summary>
public static class SandboxSettlementFile
{
    public static void Map(RouteGroupBuilder sandbox) => sandbox.MapGet("/v1/settlements/{file}", GetAsync);

    private static async Task<IResult> GetAsync(string file, HttpRequest request, SandboxOptions options, IQuerySession db, CancellationToken ct)
    {
        if (!SandboxCheckoutApi.Authorised(request, options))
        {
            return Results.Problem(statusCode: 401, title: "Unauthorised", detail: "A valid Sandbox-Api-Key header is required.");
        }
        if (!file.EndsWith(".csv", StringComparison.Ordinal)
            || !DateOnly.TryParseExact(file[..^4], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "Settlement files are named yyyy-MM-dd.csv.");
        }
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = from.AddDays(1);
        var captured = await db.Query<SandboxCheckoutSession>()
            .Where(s => s.CapturedAt >= from && s.CapturedAt < until)
            .OrderBy(s => s.CapturedAt)
            .ToListAsync(ct);

        var lines = captured.Select(s =>
        {
            var fee = Math.Round(s.AmountCaptured * options.FeePercent / 100m, 2, MidpointRounding.AwayFromZero);
            return new SettlementLine(s.Id, s.MerchantReference, s.AmountCaptured, s.Currency, s.CapturedAt!.Value, fee, s.AmountCaptured - fee);
        });
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            await csv.WriteRecordsAsync(lines, ct);
        }
        return Results.Text(text.ToString(), "text/csv; charset=utf-8");
    }
}
