using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.OpenApi;

namespace MyGovernment.Api.Errors;

/// <summary>How the API answers failures, and how it writes JSON at all.</summary>
public static class ErrorsSetup
{
    public static void AddMyGovernmentErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(ProblemLocalization.Configure);
        // One instance for the outer exception handler and for RefusalResponseMiddleware next to the endpoints.
        services.AddSingleton<ProblemExceptionHandler>();
        services.AddSingleton<IExceptionHandler>(sp => sp.GetRequiredService<ProblemExceptionHandler>());
        // Minimal API endpoints would otherwise answer an unreadable body with a bare 400 and only log why; thrown,
        // it reaches ProblemExceptionHandler and is answered as invalid_json naming where the body broke.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Wolverine endpoints, minimal APIs and problem details all write with these options. Arabic (and every
        // other non-ASCII text) goes out as UTF-8, not \\u escapes: readable in any client, and smaller. The relaxed
        // encoder still escapes what JSON requires; it leaves <, > and & as they are, which matters only where JSON
        // is pasted into HTML unencoded — these answers are application/json, and the one HTML page (the receipt)
        // encodes its values itself.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        // After AddOpenApi's own configuration, so the problem schemas this transformer extends already exist.
        services.PostConfigure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<ErrorCodesDocumentTransformer>());
    }
}
