using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Localization;

namespace MyGovernment.Api.Errors;

/// <summary>
/// Every problem written through ASP.NET Core's problem details service (our exception handler, typed 404s,
/// status code pages for 401/403) passes here: for an Arabic caller the title, and the detail of a known code, are
/// replaced by their Arabic text. The <c>code</c> stays the same in both languages, so clients never parse messages.
/// </summary>
public static class ProblemLocalization
{
    public static void Configure(ProblemDetailsOptions options) => options.CustomizeProblemDetails = Localize;

    private static readonly Dictionary<int, string> FrameworkCodes = new()
    {
        [400] = "bad_request",
        [401] = "unauthenticated",
        [403] = "forbidden",
        [404] = "not_found",
        [405] = "method_not_allowed",
        [406] = "not_acceptable",
        [413] = "payload_too_large",
        [415] = "unsupported_media_type",
        [429] = "rate_limited",
        [500] = "internal_error",
        [503] = "unavailable",
    };

    public static void Localize(ProblemDetailsContext context)
    {
        // Problems the framework writes itself (status code pages for 401, 403, 405, 415 and unknown routes) come
        // without our code; clients branch on codes, so every problem gets one.
        var extensions = context.ProblemDetails.Extensions;
        HideQueryValueTypes(context.ProblemDetails);
        if (!extensions.ContainsKey("code") && FrameworkCodes.TryGetValue(context.ProblemDetails.Status ?? 0, out var frameworkCode))
        {
            extensions["code"] = frameworkCode;
        }
        if (!RequestLanguage.IsArabic(context.HttpContext))
        {
            return;
        }
        var problem = context.ProblemDetails;
        var code = problem.Extensions.TryGetValue("code", out var value) ? value as string : null;
        problem.Title = ArabicProblemMessages.Title(code, problem.Status) ?? problem.Title;
        if (code is not null && ArabicProblemMessages.Detail(code) is { } detail)
        {
            problem.Detail = detail;
        }
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
