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
}
