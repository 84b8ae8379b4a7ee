using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MyGovernment.Web.SignIn;

/// <summary>
/// A cookie session whose cookie holds only a key: the tokens stay in the server's cache (<see cref="CachedTicketStore"/>).
/// Signed in by OpenID Connect (code flow, PKCE) in production, by the persona picker in Development.
/// </summary>
public static class PortalSignInSetup
{
    public static void AddPortalSignIn(this IServiceCollection services, PortalOptions options)
    {
        services.AddDistributedMemoryCache();
        services.AddSingleton<CachedTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(PortalAuth.Scheme)
            .Configure<CachedTicketStore>((cookie, store) => cookie.SessionStore = store);
        var authentication = services.AddAuthentication().AddCookie(PortalAuth.Scheme, cookie =>
        {
            cookie.Cookie.Name = PortalAuth.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/sign-in";
            cookie.AccessDeniedPath = "/not-found";
            cookie.ReturnUrlParameter = "back";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.SlidingExpiration = false;
            if (!options.DevelopmentSignIn)
            {
                cookie.ForwardChallenge = PortalAuth.OidcScheme;
            }
        });
        if (!options.DevelopmentSignIn)
        {
            authentication.AddOpenIdConnect(PortalAuth.OidcScheme, oidc =>
            {
                oidc.SignInScheme = PortalAuth.Scheme;
                oidc.Authority = options.Oidc.Authority;
                oidc.ClientId = options.Oidc.ClientId;
                oidc.ClientSecret = options.Oidc.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.CallbackPath = "/signin-oidc";
                oidc.SignedOutCallbackPath = "/signout-callback-oidc";
                oidc.TokenValidationParameters.RoleClaimType = PortalAuth.RoleClaim;
                oidc.TokenValidationParameters.NameClaimType = "sub";
                if (!string.IsNullOrEmpty(options.Oidc.ApiScope))
                {
                    oidc.Scope.Add(options.Oidc.ApiScope);
                }
            });
        }
        services.AddAuthorization(o =>
        {
            foreach (var (policy, role) in PortalAuth.PolicyRoles)
            {
                o.AddPolicy(policy, p => p.AddAuthenticationSchemes(PortalAuth.Scheme).RequireClaim(PortalAuth.RoleClaim, role));
            }
        });
    }
}
