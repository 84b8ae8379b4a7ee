using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Net.Http.Headers;

namespace MyGovernment.Web.Pages.Public;

/// <summary>
/// The verification pages answer the URL in a QR code: HTML for a browser, the engine's JSON for an app that asks
/// for it (Accept: application/json without text/html).
/// </summary>
public static class VerifyResponse
{
    public static bool WantsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    public static async Task<IActionResult> JsonAsync<T>(T? value, HttpResponse response) where T : IParsable
    {
        response.Headers.Vary = HeaderNames.Accept;
        return value is null
            ? new ContentResult { Content = """{"status":404,"title":"Not found"}""", ContentType = "application/problem+json", StatusCode = 404 }
            : new ContentResult { Content = await KiotaJsonSerializer.SerializeAsStringAsync(value), ContentType = "application/json", StatusCode = 200 };
    }
}
