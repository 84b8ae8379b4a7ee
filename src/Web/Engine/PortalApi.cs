using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using MyGovernment.Client;
using MyGovernment.Web.Shared;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Engine;

/// <summary>
/// The engine's typed client for the current request: the signed-in person's access token and the reader's language
/// go on every call. Pages inject this and use <see cref="Client"/>; nothing else in the portal talks to the engine.
/// </summary>
public sealed class PortalApi(IHttpClientFactory httpClients, ApiAddress address, IHttpContextAccessor accessor, Language language)
{
    public const string HttpClientName = "mygov-engine";
    private MyGovernmentApiClient? _client;

    public MyGovernmentApiClient Client => _client ??= new MyGovernmentApiClient(
        new HttpClientRequestAdapter(new CallerHeaders(accessor, language), httpClient: httpClients.CreateClient(HttpClientName))
        {
            BaseUrl = address.Value,
        });

    /// <summary>Runs an engine call; a 404 (or a 403 for someone else's data) comes back as null, for a "not found" page.</summary>
    public static async Task<T?> FindAsync<T>(Func<Task<T?>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (ApiException e) when (e.ResponseStatusCode is 404 or 403)
        {
            return null;
        }
    }

    private sealed class CallerHeaders(IHttpContextAccessor accessor, Language language) : IAuthenticationProvider
    {
        public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default)
        {
            request.Headers.TryAdd("Accept-Language", language.Code);
            if (accessor.HttpContext is { } context && await context.GetTokenAsync(PortalAuth.Scheme, PortalAuth.AccessToken) is { } token)
            {
                request.Headers.TryAdd("Authorization", "Bearer " + token);
            }
        }
    }
}
