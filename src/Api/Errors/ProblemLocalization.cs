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

    public static void Localize(ProblemDetailsContext context)
    {
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
