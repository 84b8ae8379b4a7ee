using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace MyGovernment.Web.Engine;

/// <summary>
/// Where the engine answers: Portal:ApiBaseUrl when set (the portal in its own process), else the address this host
/// listens on (the API composing the portal in Development), read once the server has started.
/// </summary>
public sealed class ApiAddress(IOptions<PortalOptions> options, IServer server)
{
    private string? _resolved;

    public string Value => _resolved ??= Resolve();

    private string Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ApiBaseUrl))
        {
            return options.Value.ApiBaseUrl.TrimEnd('/');
        }
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Portal:ApiBaseUrl is not set and the host listens on no address.");
        // A wildcard listen address is not one to call: the loopback reaches the same server.
        return address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
