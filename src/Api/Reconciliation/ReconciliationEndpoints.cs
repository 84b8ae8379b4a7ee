using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using FluentValidation;
using FluentValidation.Results;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Api.OpenApi;
using MyGovernment.Api.Paging;
using MyGovernment.Application.Payments;
using MyGovernment.Application.Reconciliation;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Projections.Reconciliation;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Reconciliation;

public sealed record ReconciliationPage(DateOnly From, DateOnly To, IReadOnlyList<ReconciliationSummary> Reconciliations);

/// <summary>What finance sends to have the provider's own statement of a day fetched and reconciled.</summary>
public sealed record FetchStatementBody(string? Date);

public static class ReconciliationEndpoints
{
    /// <summary>A day's file of a national portal is a few MB; the bound keeps a hostile upload from filling memory.</summary>
    public const int MaxStatementBytes = 16 * 1024 * 1024;

    [Authorize(Roles = Roles.Finance)]
    [StatementBodyLimit]
    [WolverinePost("/api/finance/reconciliations", OperationId = "ImportSettlementStatement")]
    [ProducesResponseType<ReconciliationSummary>(StatusCodes.Status201Created)]
    [RawBody(null, "text/csv")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [EndpointSummary("Import and reconcile a settlement statement")]
    [EndpointDescription("Finance uploads the provider's settlement file for `date` (yyyy-MM-dd, the UTC day of the captures it settles) as the raw `text/csv` body, header `SessionId,MerchantReference,Amount,Currency,CapturedAt,Fee,Net`. Every line and every payment we captured that day is classified: Matched, AmountMismatch, MissingInStatement, MissingInSystem or Duplicate. Matched payments become Settled and Reconciled, breaks are flagged on their payments, and settlement posts to the revenue ledger, all in one transaction. The same file twice is a 409; a payment that changed meanwhile is a 409 (import again). 201 with the summary.")]
    [Tags("Finance")]
    public static async Task<IResult> Import(string? date, HttpRequest request, ClaimsPrincipal user, IMessageBus bus, IQuerySession query, TimeProvider clock, CancellationToken ct)
    {
        var day = StatementDate(date, clock);
        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(415, "Unsupported media type", "Send the statement as the raw text/csv body.", "statement_not_csv");
        }
        if (request.ContentLength > MaxStatementBytes)
        {
            return Problem(413, "Payload too large", $"A statement may be at most {MaxStatementBytes / (1024 * 1024)} MB.", "payload_too_large");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxStatementBytes)
        {
            return Problem(413, "Payload too large", $"A statement may be at most {MaxStatementBytes / (1024 * 1024)} MB.", "payload_too_large");
        }
        var imported = await ImportSettlementStatement.FromFileAsync(day, buffer.ToArray(), user.ToActor(), Send(request.HttpContext, bus), query, ct);
        return Created(imported);
    }

    [Authorize(Roles = Roles.Finance)]
    [WolverinePost("/api/finance/reconciliations/fetch", OperationId = "FetchAndReconcileSettlementStatement")]
    [ProducesResponseType<ReconciliationSummary>(StatusCodes.Status201Created)]
    [CallsPaymentProvider]
    [EndpointSummary("Fetch the provider's statement of a day and reconcile it")]
    [EndpointDescription("Finance has the settlement file for `date` (yyyy-MM-dd) fetched from the payment provider's settlement API and reconciled, as if uploaded. 502 when the provider cannot be reached.")]
    [Tags("Finance")]
    public static async Task<IResult> Fetch(
        FetchStatementBody body, HttpContext http, IPaymentProvider provider, IMessageBus bus, IQuerySession query, TimeProvider clock, CancellationToken ct)
    {
        var day = StatementDate(body.Date, clock);
        try
        {
            return Created(await ImportSettlementStatement.FromProviderAsync(day, provider, http.User.ToActor(), Send(http, bus), query, ct));
        }
        catch (PaymentProviderException e)
        {
            return Problem(502, "Payment provider unavailable", e.Message, "payment_provider_unavailable");
        }
    }

    [Authorize(Roles = $"{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/finance/reconciliations", OperationId = "ListReconciliations")]
    [EndpointSummary("List reconciliations")]
    [EndpointDescription("Imported statements whose date lies in `from`..`to` (yyyy-MM-dd, inclusive, at most 366 days; default the last 30 days), newest first, with their counts per category.")]
    [Tags("Finance")]
    public static async Task<ReconciliationPage> List(string? from, string? to, IQuerySession query, TimeProvider clock, CancellationToken ct)
    {
        var (first, last) = DayRange.Range(from, to, clock);
        var found = await query.Query<ReconciliationDetails>()
            .Where(r => r.StatementDate >= first && r.StatementDate <= last)
            .OrderByDescending(r => r.StatementDate).ThenByDescending(r => r.ImportedAt)
            .ToListAsync(ct);
        return new ReconciliationPage(first, last, found.Select(ReconciliationSummary.Of).ToList());
    }

    [Authorize(Roles = $"{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/finance/reconciliations/{id}", OperationId = "GetReconciliation")]
    [ProducesResponseType<ReconciliationDetails>(StatusCodes.Status200OK)]
    [EndpointSummary("Read a reconciliation")]
    [EndpointDescription("One reconciliation with its items (each: category, rule, statement line, provider reference, payment, department, statement and system amounts); `category` keeps one category.")]
    [Tags("Finance")]
    public static async Task<IResult> Get(Guid id, string? category, IQuerySession query, CancellationToken ct) =>
        await LoadAsync(id, category, query, ct) is { } found ? Results.Ok(found) : NotFound();

    [Authorize(Roles = $"{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/finance/reconciliations/{id}/items.csv", OperationId = "ExportReconciliationItems")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [EndpointSummary("Export a reconciliation's items as CSV")]
    [EndpointDescription("The items of one reconciliation as RFC 4180 CSV (header `category,rule,line,provider_reference,payment_id,department,statement_amount,system_amount,currency`); `category` keeps one category.")]
    [Tags("Finance")]
    public static async Task<IResult> Export(Guid id, string? category, IQuerySession query, CancellationToken ct) =>
        await LoadAsync(id, category, query, ct) is { } found
            ? Results.File(ItemsCsv(found.Items), "text/csv; charset=utf-8", $"reconciliation-{found.StatementDate:yyyy-MM-dd}-{found.Id}.csv")
            : NotFound();

    /// <summary>The reconciliation with only the items of <paramref name="category"/> (all when none is given).</summary>
    private static async Task<ReconciliationDetails?> LoadAsync(Guid id, string? category, IQuerySession query, CancellationToken ct)
    {
        var wanted = Category(category);
        var found = await query.LoadAsync<ReconciliationDetails>(id, ct);
        if (found is not null && wanted is { } keep)
        {
            found.Items = found.Items.Where(i => i.Category == keep).ToList();
        }
        return found;
    }

    private static IResult NotFound() => Problem(404, "Not found", "No such reconciliation.", "reconciliation_not_found");

    public static readonly string[] CsvHeader =
        ["category", "rule", "line", "provider_reference", "payment_id", "department", "statement_amount", "system_amount", "currency"];

    private static byte[] ItemsCsv(IEnumerable<ReconciliationItem> items)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Opened in spreadsheets: a provider reference that looks like a formula is escaped, never evaluated.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(CsvHeader);
            foreach (var i in items)
            {
                csv.WriteRecord(
                [
                    i.Category.ToString(), i.Rule, i.Line?.ToString(CultureInfo.InvariantCulture) ?? "", i.ProviderReference ?? "",
                    i.PaymentId?.ToString() ?? "", i.DepartmentCode ?? "",
                    i.StatementAmount?.Amount.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                    i.SystemAmount?.Amount.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                    (i.StatementAmount ?? i.SystemAmount)?.Currency ?? "",
                ]);
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A repeat with the same Idempotency-Key replays the first import (409 without a key: the file's name collides).</summary>
    private static ImportSettlementStatement.Send Send(HttpContext http, IMessageBus bus) =>
        (command, ct) => IdempotentCommand.SendAsync<ReconciliationDone>(http, bus, command, ct);

    private static IResult Created(ReconciliationDetails imported) =>
        Results.Created($"/api/finance/reconciliations/{imported.Id}", ReconciliationSummary.Of(imported));

    private static DateOnly StatementDate(string? value, TimeProvider clock)
    {
        if (!DayRange.TryParse(value, out var day))
        {
            throw new ValidationException([new ValidationFailure("date", "'date' is required, as yyyy-MM-dd.")]);
        }
        if (day > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            throw new ValidationException([new ValidationFailure("date", "A statement cannot be for a day that has not begun.")]);
        }
        return day;
    }

    private static ReconciliationCategory? Category(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        return Enum.TryParse<ReconciliationCategory>(value, ignoreCase: true, out var category) && Enum.IsDefined(category)
            ? category
            : throw new ValidationException([new ValidationFailure("category", $"'category' must be one of {string.Join(", ", Enum.GetNames<ReconciliationCategory>())}.")]);
    }

    private static IResult Problem(int status, string title, string detail, string code) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}

/// <summary>
/// A day's statement is larger than the global <c>Limits:MaxBodyBytes</c> (a few hundred lines already pass 256 KB),
/// so this endpoint alone takes bodies up to <see cref="ReconciliationEndpoints.MaxStatementBytes"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StatementBodyLimitAttribute : Attribute, MyGovernment.Api.Hosting.IRequestBodyLimitOverride
{
    public long MaxBodyBytes(IServiceProvider services) => ReconciliationEndpoints.MaxStatementBytes;
}
