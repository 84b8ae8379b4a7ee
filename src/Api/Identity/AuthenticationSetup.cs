using Microsoft.AspNetCore.Authentication.JwtBearer;
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
            options.Events = new JwtBearerEvents { OnTokenValidated = RequireIdentityClaims };
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
        builder.Services.AddAuthorization();
    }

    /// <summary>
    /// A well-signed token is still refused (401) without a subject and one of our roles: every action is recorded
    /// against a subject, and a token without a role would otherwise pass every plain [Authorize].
    /// </summary>
    private static Task RequireIdentityClaims(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (string.IsNullOrWhiteSpace(principal?.FindFirst(ClaimNames.Subject)?.Value))
        {
            context.Fail("The token has no subject (sub) claim.");
        }
        else if (principal.FindAll(ClaimNames.Role).Count() != 1 || !Roles.All.Contains(principal.FindFirst(ClaimNames.Role)!.Value))
        {
            context.Fail($"The token must carry exactly one role claim, one of: {string.Join(", ", Roles.All)}.");
        }
        return Task.CompletedTask;
    }
}
