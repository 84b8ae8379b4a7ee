using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Localization;

namespace MyGovernment.Api.Errors;

/// <summary>
/// Every problem written through ASP.NET Core's problem details service (our exception handler, endpoint results,
/// Wolverine's own 400s, status code pages for 401/403/404/405/415, the rate limiter) passes here and is completed
/// from the <see cref="ErrorCatalogue"/>: a code (the framework's refusals come without one), the <c>type</c> of that
/// code, and the title and detail in the caller's language. English callers keep a more precise detail where the
/// raise site gave one; the <c>code</c> is the same in both languages, so clients never parse messages.
/// </summary>
public static class ProblemLocalization
{
    public static void Configure(ProblemDetailsOptions options) => options.CustomizeProblemDetails = Localize;

    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        HideQueryValueTypes(problem);
        var situation = SituationOf(context.Exception);
        if (InvalidJsonProblem.TryRewriteWolverines(problem, out var jsonSituation))
        {
            situation = jsonSituation;
        }
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var code = problem.Extensions.TryGetValue("code", out var value) && value is string given ? given : ErrorCatalogue.ForStatus(status);
        problem.Extensions["code"] = code;
        if (ErrorCatalogue.Find(code, situation, status) is not { } entry)
        {
            // A code missing from the catalogue fails ErrorCatalogueTests; at run time the problem keeps its own texts.
            return;
        }
        var arabic = RequestLanguage.IsArabic(context.HttpContext);
        var detail = entry.Detail.In(arabic);
        problem.Type = ErrorCatalogue.TypeFor(code);
        problem.Title = entry.Title.In(arabic);
        if (arabic || problem.Detail is null || ErrorCatalogue.Placeholders(detail).Any())
        {
            problem.Detail = ErrorCatalogue.Fill(detail, problem.Extensions);
        }
    }

    /// <summary>The situation an entry may be worded for: a domain rule's context, or which way a JSON body was broken.</summary>
    private static string? SituationOf(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            switch (exception)
            {
                case MyGovernment.Domain.Common.DomainException { Context: { } context }:
                    return context;
                case System.Text.Json.JsonException json:
                    return InvalidJsonProblem.SituationOf(json.Message);
            }
        }
        return null;
    }

    /// <summary>
    /// Wolverine refuses an unparseable query value (RejectUnparseableQueryValues) with a detail naming the .NET type it
    /// expected ("…to the expected type MyGovernment.Domain.ServiceRequests.ServiceRequestStatus"): internal names are
    /// not for clients. The detail is rewritten to say what kind of value the parameter takes (the code stays bad_request).
    /// </summary>
    private static void HideQueryValueTypes(ProblemDetails problem)
    {
        if (problem.Status != 400 || problem.Title != "Invalid query string value"
            || !problem.Extensions.TryGetValue("parameter", out var parameter) || problem.Detail is not { } detail)
        {
            return;
        }
        var marker = detail.LastIndexOf("expected type ", StringComparison.Ordinal);
        var type = marker < 0 ? "" : detail[(marker + "expected type ".Length)..].Trim();
        var kind = type switch
        {
            "int" or "long" or "System.Int32" or "System.Int64" => "a whole number",
            "bool" or "System.Boolean" => "true or false",
            "System.DateTimeOffset" or "System.DateTime" => "a date and time (ISO 8601)",
            "System.DateOnly" => "a date (yyyy-MM-dd)",
            "System.Guid" => "an id (GUID)",
            _ => "one of the values the API documents",
        };
        problem.Detail = $"Query string parameter '{parameter}' must be {kind}.";
    }
}
