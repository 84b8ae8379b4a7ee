using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;

namespace MyGovernment.Web.SignIn;

/// <summary>
/// Keeps the sign-in (claims and the engine's access token) in the server's distributed cache; the browser's cookie
/// carries only a random key. Several portal processes share sessions by configuring a shared IDistributedCache.
/// </summary>
public sealed class CachedTicketStore(IDistributedCache cache) : ITicketStore
{
    private const string KeyPrefix = "portal-session:";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(KeyPrefix + key, TicketSerializer.Default.Serialize(ticket),
            new DistributedCacheEntryOptions { AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? DateTimeOffset.UtcNow.AddMinutes(30) });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await cache.GetAsync(KeyPrefix + key) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => cache.RemoveAsync(KeyPrefix + key);
}
