using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MyGovernment.Api.Hosting;

/// <summary>Section "ForwardedHeaders": the reverse proxies whose X-Forwarded-For, -Proto and -Host the API believes.</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Addresses of the proxies in front of the API (e.g. "10.0.0.5").</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation (e.g. "10.0.0.0/24").</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxy hops to unwind from the right of X-Forwarded-For; each must be a known proxy.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Configured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

/// <summary>
/// Behind a reverse proxy every request arrives from the proxy's address, so the per-address rate limit would
/// throttle all citizens together. With known proxies configured, the client address is taken from
/// X-Forwarded-For, but only on connections that come from one of those proxies. Nothing is trusted by default
/// (not even loopback, which ASP.NET Core would otherwise trust): a client that reaches the API directly can never
/// choose its own rate-limit partition by sending the header.
/// </summary>
public static class ForwardedHeadersSetup
{
    /// <summary>First in the pipeline: everything after it (rate limiter, logs) sees the client's address.</summary>
    public static void UseMyGovernmentForwardedHeaders(this WebApplication app)
    {
        var settings = app.Configuration.GetSection("ForwardedHeaders").Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        if (settings.Configured)
        {
            app.UseForwardedHeaders(Options(settings));
        }
    }

    public static ForwardedHeadersOptions Options(ForwardedHeadersSettings settings)
    {
        var options = new ForwardedHeadersOptions
        {
            // The scheme and host too: links the API writes (a receipt's public check, its QR code) must carry the
            // address citizens use (https, the portal's name), not the proxy's internal hop.
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = Math.Max(1, settings.ForwardLimit),
        };
        // The defaults trust loopback; only what the operator named is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{proxy}', which is not an IP address."));
        }
        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{network}', which is not a CIDR network (e.g. 10.0.0.0/24)."));
        }
        return options;
    }
}
