using System.Collections.Concurrent;
using System.Security.Claims;

namespace MyGovernment.Api.Identity;

/// <summary>
/// Tokens this node has validated, with the caller they named, so that a client sending the same token again is not
/// validated again (issue 16: checking the signature and reading the token was 6-8% of a command's CPU in the API,
/// with HS256; an identity provider's RS256 costs more). Only a token that passed every check, the identity rule
/// included, is kept, under its exact text: a token differing in one character, its signature included, is validated
/// as any other.
/// </summary>
/// <remarks>
/// An entry is used until the token expires and for at most <see cref="TokenCacheOptions.MaxAge"/> after it was
/// validated. The first bound keeps a token from being accepted later than validation would accept it (validation
/// allows 30 s of clock skew past expiry; the entry does not). The second bounds how long a token stays accepted after
/// its signing key is withdrawn from the identity provider's key set; the token handler itself notices a withdrawn key
/// only when it next refreshes that set, by default every 12 hours, so a few minutes here add nothing new.
/// The clock is the system's, as for the token handler's own lifetime check, not the application's
/// <see cref="TimeProvider"/> (which tests move).
/// </remarks>
public sealed class ValidatedTokens(TokenCacheOptions options, TimeProvider clock)
{
    /// <summary>
    /// Longer tokens are validated each time instead of kept: identity providers' access tokens are one or two kB, and
    /// the bound keeps a full cache's memory within tens of MB whatever an issuer puts into its tokens.
    /// </summary>
    public const int MaxTokenLength = 8 * 1024;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long nextSweep;

    public int Count => entries.Count;

    public bool TryGet(string token, out ClaimsPrincipal principal)
    {
        if (entries.TryGetValue(token, out var entry))
        {
            if (clock.GetUtcNow() < entry.Until)
            {
                principal = entry.Principal;
                return true;
            }
            entries.TryRemove(KeyValuePair.Create(token, entry));
        }
        principal = null!;
        return false;
    }

    /// <summary>Keeps a validated token until it expires or <see cref="TokenCacheOptions.MaxAge"/> passes, whichever is first.</summary>
    public void Remember(string token, ClaimsPrincipal principal, DateTimeOffset expires)
    {
        if (options.MaxAge <= TimeSpan.Zero || options.MaxEntries <= 0 || token.Length > MaxTokenLength)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var until = now + options.MaxAge < expires ? now + options.MaxAge : expires;
        if (until <= now)
        {
            return;
        }
        if (entries.Count >= options.MaxEntries && !SweptRoom(now))
        {
            // Full of tokens still valid: this one is validated on each use, as without a cache.
            return;
        }
        entries[token] = new Entry(principal, until);
    }

    /// <summary>
    /// Drops the expired entries, at most once a second: a full cache of live tokens would otherwise be scanned on every
    /// request that brings a new one.
    /// </summary>
    private bool SweptRoom(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweep);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweep, now.UtcTicks + TimeSpan.TicksPerSecond, due) != due)
        {
            return false;
        }
        foreach (var (token, entry) in entries)
        {
            if (entry.Until <= now)
            {
                entries.TryRemove(KeyValuePair.Create(token, entry));
            }
        }
        return entries.Count < options.MaxEntries;
    }

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);
}

/// <summary>"Authentication:TokenCache": how many validated tokens a node keeps and for how long (0 turns it off).</summary>
public sealed class TokenCacheOptions
{
    public int MaxEntries { get; set; } = 10_000;

    public int MaxAgeSeconds { get; set; } = 300;

    public TimeSpan MaxAge => TimeSpan.FromSeconds(MaxAgeSeconds);
}
