using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// A token validated once is not validated again while it is remembered (issue 16). What must hold: only a token that
/// passed every check is remembered, only its exact text finds it, and no entry outlives the token or the maximum age.
/// </summary>
public sealed class ValidatedTokensTests(AppFixture app)
{
    private ValidatedTokens Cache => app.Host.Services.GetRequiredService<ValidatedTokens>();

    [Fact]
    public async Task A_token_sent_again_names_the_same_caller_without_validation_and_a_changed_signature_is_refused()
    {
        var nationalId = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-cached", Roles.Citizen, nationalId: nationalId);

        var first = await app.AuthenticateAsync(token);
        first.Succeeded.ShouldBeTrue(first.Failure?.Message);
        Cache.TryGet(token, out var remembered).ShouldBeTrue();
        remembered.ShouldBeSameAs(first.Principal);

        // The second request is given the remembered caller itself: no new principal, so no validation ran.
        var second = await app.AuthenticateAsync(token);
        second.Principal.ShouldBeSameAs(first.Principal);
        CallerClaims.Of(second.Principal!).NationalId.ShouldBe(nationalId);
        (await GetAsync("/api/me/notifications", token)).ShouldBe(HttpStatusCode.OK);

        // Same header and claims, one character of the signature changed: not the remembered text, so validated, and refused.
        var forged = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        (await app.AuthenticateAsync(forged)).Succeeded.ShouldBeFalse();
        (await GetAsync("/api/me/notifications", forged)).ShouldBe(HttpStatusCode.Unauthorized);
        Cache.TryGet(forged, out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_refused_by_the_identity_rule_is_never_remembered()
    {
        var token = app.TokenFor("officer-without-department-cached", Roles.Officer, nationalId: Citizens.NewNationalId());

        (await app.AuthenticateAsync(token)).Succeeded.ShouldBeFalse();
        (await app.AuthenticateAsync(token)).Succeeded.ShouldBeFalse();
        (await GetAsync("/api/me/notifications", token)).ShouldBe(HttpStatusCode.Unauthorized);
        Cache.TryGet(token, out _).ShouldBeFalse();
    }

    [Fact]
    public void An_entry_ends_when_its_token_expires_or_at_the_maximum_age_whichever_comes_first()
    {
        var clock = NewClock();
        var cache = new ValidatedTokens(new TokenCacheOptions { MaxAgeSeconds = 300 }, clock);
        var caller = Caller("a");

        cache.Remember("expires-in-a-minute", caller, clock.GetUtcNow().AddMinutes(1));
        cache.Remember("expires-in-an-hour", caller, clock.GetUtcNow().AddHours(1));
        cache.Remember("already-expired", caller, clock.GetUtcNow().AddSeconds(-1));

        clock.Advance(TimeSpan.FromSeconds(59));
        cache.TryGet("expires-in-a-minute", out _).ShouldBeTrue();
        cache.TryGet("already-expired", out _).ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        cache.TryGet("expires-in-a-minute", out _).ShouldBeFalse();
        cache.TryGet("expires-in-an-hour", out _).ShouldBeTrue();
        clock.Advance(TimeSpan.FromSeconds(240));
        cache.TryGet("expires-in-an-hour", out _).ShouldBeFalse();
        cache.Count.ShouldBe(0);
    }

    [Fact]
    public void A_full_cache_takes_a_new_token_only_once_an_expired_one_is_swept()
    {
        var clock = NewClock();
        var cache = new ValidatedTokens(new TokenCacheOptions { MaxEntries = 2, MaxAgeSeconds = 300 }, clock);
        cache.Remember("short", Caller("a"), clock.GetUtcNow().AddSeconds(10));
        cache.Remember("long", Caller("b"), clock.GetUtcNow().AddHours(1));

        cache.Remember("while-full", Caller("c"), clock.GetUtcNow().AddHours(1));
        cache.TryGet("while-full", out _).ShouldBeFalse();
        cache.Count.ShouldBe(2);

        clock.Advance(TimeSpan.FromSeconds(11));
        cache.Remember("after-expiry", Caller("d"), clock.GetUtcNow().AddHours(1));
        cache.TryGet("after-expiry", out var caller).ShouldBeTrue();
        caller.FindFirst(ClaimNames.Subject)!.Value.ShouldBe("d");
        cache.TryGet("long", out _).ShouldBeTrue();
        cache.Count.ShouldBe(2);
    }

    [Fact]
    public void A_maximum_age_of_zero_turns_the_cache_off()
    {
        var clock = NewClock();
        var cache = new ValidatedTokens(new TokenCacheOptions { MaxAgeSeconds = 0 }, clock);

        cache.Remember("t", Caller("a"), clock.GetUtcNow().AddHours(1));

        cache.TryGet("t", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_token_longer_than_the_bound_is_validated_each_time_instead_of_kept()
    {
        var clock = NewClock();
        var cache = new ValidatedTokens(new TokenCacheOptions(), clock);
        var longest = new string('a', ValidatedTokens.MaxTokenLength);

        cache.Remember(longest, Caller("a"), clock.GetUtcNow().AddHours(1));
        cache.Remember(longest + "a", Caller("b"), clock.GetUtcNow().AddHours(1));

        cache.TryGet(longest, out _).ShouldBeTrue();
        cache.TryGet(longest + "a", out _).ShouldBeFalse();
    }

    private static ClaimsPrincipal Caller(string subject) => new(new ClaimsIdentity([new(ClaimNames.Subject, subject)], "token"));

    private async Task<HttpStatusCode> GetAsync(string path, string token)
    {
        using var client = app.Host.Server.CreateClient();
        using var message = SecurityWorld.Message("GET", path, token);
        using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
}
