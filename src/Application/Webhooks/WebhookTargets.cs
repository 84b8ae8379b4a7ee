using System.Net;
using System.Net.Sockets;

namespace MyGovernment.Application.Webhooks;

/// <summary>
/// Where a webhook may be sent. Strict (production): https only, and never to an address inside a network (loopback,
/// private, link-local, carrier-grade NAT, unique-local, multicast): otherwise a client app could make our servers
/// call the database, the metadata service of the cloud or an admin port for it (SSRF). Checked on the URL when a
/// subscription is created and on every resolved address when a delivery connects (DNS may change in between).
/// </summary>
public static class WebhookTargets
{
    /// <summary>Why the URL is refused, or null when it is acceptable.</summary>
    public static string? Refusal(string? url, bool strict)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "'url' must be an absolute http(s) URL.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "'url' must not carry credentials.";
        }
        if (!strict)
        {
            return null;
        }
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "'url' must use https.";
        }
        if (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IsInternal(address)))
        {
            return "'url' must be a public address, not a loopback, private or internal one.";
        }
        return null;
    }

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC;
        }
        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127 || b[0] >= 224
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || (b[0] == 192 && b[1] == 0 && b[2] == 0)
            || (b[0] == 198 && b[1] is 18 or 19);
    }
}
