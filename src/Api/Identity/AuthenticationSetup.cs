using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MyGovernment.Api.Identity;

/// <summary>
/// Bearer JWTs from the configured OIDC authority (section "Authentication": Authority, Audience). In Development
/// and Testing only, "Authentication:DevelopmentIssuer" may be enabled instead; in any other environment that
/// setting stops the host at start-up.
/// </summary>
public static class AuthenticationSetup
{
    private static readonly string[] ProductionAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256];

    /// <summary>Routes for a client app acting as itself (its own client-credentials token).</summary>
    public const string ClientAppPolicy = "client-app";

    public static bool DevelopmentIssuerEnabled(this WebApplicationBuilder builder)
    {
        var enabled = builder.Configuration.GetValue<bool>("Authentication:DevelopmentIssuer");
        var allowed = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        if (enabled && !allowed)
        {
            throw new InvalidOperationException(
                $"Authentication:DevelopmentIssuer is set in the '{builder.Environment.EnvironmentName}' environment. " +
                "The development token issuer can only run in Development or Testing; configure Authentication:Authority instead.");
        }
        return enabled;
    }

    public static void AddMyGovernmentAuthentication(this WebApplicationBuilder builder)
    {
        var developmentIssuer = builder.DevelopmentIssuerEnabled();
        var section = builder.Configuration.GetSection("Authentication");
        var sharedKey = DevelopmentSigningKey.Read(builder.Configuration, builder.Environment);
        DevelopmentTokenIssuer? issuer = developmentIssuer ? new DevelopmentTokenIssuer(sharedKey) : null;
        if (issuer is not null)
        {
            builder.Services.AddSingleton(issuer);
        }

        var tokenCache = section.GetSection("TokenCache").Get<TokenCacheOptions>() ?? new TokenCacheOptions();
        // One instance, held by the bearer events themselves: no container lookup on each request.
        var validatedTokens = new ValidatedTokens(tokenCache, TimeProvider.System);
        builder.Services.AddSingleton(validatedTokens);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = context => UseValidatedToken(context, validatedTokens),
                OnTokenValidated = context => RequireIdentityClaims(context, validatedTokens),
                OnChallenge = ExplainIdentityProblem,
            };
            if (issuer is not null)
            {
                options.TokenValidationParameters.ValidIssuer = DevelopmentTokenIssuer.Issuer;
                options.TokenValidationParameters.ValidAudience = DevelopmentTokenIssuer.Audience;
                options.TokenValidationParameters.IssuerSigningKey = issuer.Key;
                options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
            else
            {
                options.Authority = section["Authority"];
                options.Audience = section["Audience"];
                options.TokenValidationParameters.ValidAudience = section["Audience"];
                options.TokenValidationParameters.ValidAlgorithms = ProductionAlgorithms;
                options.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            }
        });
        builder.Services.AddAuthorization(options =>
        {
            // A plain [Authorize] means a person with a role: a client app's own token (no role) gets only its own routes.
            options.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(ClaimNames.Role).Build();
            options.AddPolicy(ClientAppPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => c.User.ClientApp() is not null));
        });
    }

    /// <summary>
    /// A well-signed token is still refused (401) when its identity is broken (<see cref="IdentityClaimsRule"/>): every
    /// action is recorded against a subject, a token without a role would otherwise pass every plain [Authorize], and a
    /// citizen without a valid national ID or an officer without a department has no identity our rules can check.
    /// The claims read for this check stay on the principal (<see cref="CallerPrincipal"/>), so that the request's
    /// later questions about its caller are answered without reading the token's claims again.
    /// </summary>
    private static Task RequireIdentityClaims(TokenValidatedContext context, ValidatedTokens validatedTokens)
    {
        var caller = CallerClaims.Read(context.Principal!);
        if (IdentityClaimsRule.Check(caller) is { } problem)
        {
            context.HttpContext.Features.Set(problem);
            context.Fail(problem.Message);
            return Task.CompletedTask;
        }
        context.Principal = new CallerPrincipal(context.Principal!, caller);
        if (context.SecurityToken is JsonWebToken token)
        {
            validatedTokens.Remember(token.EncodedToken, context.Principal, new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc)));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A token this node has already validated, sent again, is answered with the caller it named (<see cref="ValidatedTokens"/>);
    /// any other token is handed to the handler as read here, so the header is read once.
    /// </summary>
    private static Task UseValidatedToken(MessageReceivedContext context, ValidatedTokens validatedTokens)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }
        var token = authorization[BearerPrefix.Length..].Trim();
        if (token.Length > 0 && validatedTokens.TryGet(token, out var principal))
        {
            context.Principal = principal;
            context.Success();
            return Task.CompletedTask;
        }
        context.Token = token;
        return Task.CompletedTask;
    }

    private const string BearerPrefix = "Bearer ";

    /// <summary>A broken identity is answered with its own stable code and which claim is wrong, not a bare 401.</summary>
    private static async Task ExplainIdentityProblem(JwtBearerChallengeContext context)
    {
        if (context.HttpContext.Features.Get<IdentityProblem>() is not { } problem)
        {
            return;
        }
        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = problem.Message,
                Extensions = { ["code"] = IdentityClaimsRule.Code, ["claim"] = problem.Claim },
            },
        });
    }
}
