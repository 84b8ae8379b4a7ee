using System.Text.RegularExpressions;
using MyGovernment.Portal.Tests.Support;
using Shouldly;

namespace MyGovernment.Portal.Tests.Http;

/// <summary>
/// The weight budget for weak connections: a first visit to a page (its HTML and the assets it links, fonts aside)
/// moves at most 60 KB; a revisit at most 15 KB (the assets are cached for a year under a fingerprinted URL, so only
/// the compressed HTML travels). Measured as bytes on the wire, headers included.
/// </summary>
public sealed partial class PageWeightTests(PortalHost host)
{
    private const int FirstVisitBudget = 60 * 1024;
    private const int RevisitBudget = 15 * 1024;

    [Fact]
    public async Task Every_page_stays_within_the_first_visit_and_revisit_budgets()
    {
        var nationalId = PortalPages.NewNationalId();
        var request = await Officer.SubmitForCitizenAsync(host, nationalId);
        using var http = new PortalHttp(host);
        await http.SignInAsCitizenAsync(nationalId);
        string[] pages = ["/", "/services", "/services/BIRTH-CERT", "/services/BIRTH-CERT/apply", "/sign-in", "/verify",
            "/me/requests", $"/me/requests/{request}", "/me/documents", "/me/access-log", "/verify/documents/NO-SUCH-CODE"];
        foreach (var path in pages)
        {
            var (html, htmlBytes) = await FetchAsync(http, path);
            var assets = 0L;
            foreach (var asset in Stylesheets().Matches(html).Select(m => m.Groups[1].Value))
            {
                using var response = await http.GetAsync(asset, "text/css");
                response.Headers.CacheControl!.ToString().ShouldContain("immutable");
                response.Content.Headers.ContentEncoding.ShouldNotBeEmpty($"{asset} travels compressed");
                assets += await WireBytesAsync(response);
            }
            (htmlBytes + assets).ShouldBeLessThanOrEqualTo(FirstVisitBudget, $"first visit to {path}");
            var (_, again) = await FetchAsync(http, path);
            again.ShouldBeLessThanOrEqualTo(RevisitBudget, $"revisit of {path}");
        }
    }

    private static async Task<(string Html, long Bytes)> FetchAsync(PortalHttp http, string path)
    {
        using var response = await http.GetAsync(path);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", path);
        response.Content.Headers.ContentEncoding.ShouldNotBeEmpty($"{path} travels compressed");
        var bytes = await WireBytesAsync(response);
        var html = await DecompressAsync(response);
        return (html, bytes);
    }

    private static async Task<long> WireBytesAsync(HttpResponseMessage response) =>
        (await response.Content.ReadAsByteArrayAsync()).Length + response.Headers.ToString().Length + response.Content.Headers.ToString().Length;

    private static async Task<string> DecompressAsync(HttpResponseMessage response)
    {
        var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Stream decoded = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex Stylesheets();
}
