using System.Net;
using System.Text.RegularExpressions;

namespace MyGovernment.Portal.Tests.Support;

/// <summary>
/// The portal over plain HTTP, as a browser's network sees it: cookies kept, bodies left compressed (so sizes are
/// what travels), and the persona sign-in done by posting the form with its anti-forgery token.
/// </summary>
public sealed partial class PortalHttp : IDisposable
{
    private readonly HttpClient _client;

    public PortalHttp(PortalHost host)
    {
        _client = new HttpClient(new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
        })
        { BaseAddress = new Uri(host.BaseUrl) };
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string accept = "text/html")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        return await _client.SendAsync(request);
    }

    public async Task SignInAsCitizenAsync(string nationalId)
    {
        var form = await (await _client.GetAsync("/sign-in")).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await _client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Persona"] = "citizen", ["NationalId"] = nationalId,
        }));
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
