using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using MyGovernment.Client;
using MyGovernment.IntegrationTests.Support;

namespace MyGovernment.IntegrationTests.Client;

/// <summary>
/// The generated client as a client app would build it (docs/openapi.md), only with the test host's handler at the end
/// of Kiota's middleware chain, so the requests go through the real pipeline, conformance check included.
/// </summary>
internal static class GeneratedClient
{
    public static MyGovernmentApiClient For(AppFixture app, string token)
    {
        // KiotaClientFactory puts Kiota's handlers (headers inspection, retry, redirect…) in front of the given one.
        var http = KiotaClientFactory.Create(app.Host.Server.CreateHandler());
        // The bearer provider of Kiota sends tokens over https only; the test host speaks http, so the header is set here.
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = "http://localhost",
        };
        return new MyGovernmentApiClient(adapter);
    }
}
