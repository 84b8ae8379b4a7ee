using MyGovernment.Domain.Common;

namespace MyGovernment.Api.Identity;

/// <param name="ClientId">The client app the token is issued to: with a role, a person using the app; without one (and the
/// client id as subject), the app's own client-credentials token.</param>
public sealed record DevelopmentTokenRequest(string Subject, string? Role, string? Department, string? NationalId, string? ClientId = null);

public sealed record DevelopmentTokenResponse(string AccessToken, string TokenType);

/// <summary>POST /dev/tokens: a token for any role, for curl walk-throughs and tests. Mapped only with the development issuer.</summary>
public static class DevelopmentTokenEndpoint
{
    public static void MapDevelopmentTokens(this WebApplication app)
    {
        if (app.Services.GetService<DevelopmentTokenIssuer>() is not { } issuer)
        {
            return;
        }
        app.MapPost("/dev/tokens", (DevelopmentTokenRequest request) =>
            {
                // The same rule that refuses such a token at authentication: never mint one that would be refused.
                var role = request.Role ?? "";
                string[] roles = role.Length == 0 && !string.IsNullOrEmpty(request.ClientId) ? [] : [role];
                if (IdentityClaimsRule.Check(request.Subject, roles, request.Department, request.NationalId, request.ClientId) is { } problem)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { [problem.Field] = [FieldMessage(problem)] },
                        extensions: new Dictionary<string, object?> { ["code"] = "validation_failed" });
                }
                var token = issuer.Mint(request.Subject, role, request.Department, NationalId.Normalise(request.NationalId), clientId: request.ClientId);
                return Results.Ok(new DevelopmentTokenResponse(token, "Bearer"));
            })
            .AllowAnonymous()
            .WithName("IssueDevelopmentToken")
            .Produces<DevelopmentTokenResponse>()
            .WithTags("Development")
            .WithSummary("Mint a development token (Development and Testing environments only).");
    }

    private static string FieldMessage(IdentityProblem problem) => problem.Field switch
    {
        "subject" => "'subject' is required.",
        "role" => $"'role' must be one of: {string.Join(", ", Roles.All)}.",
        "nationalId" => "'nationalId' must be a valid 9-digit national ID (required for a citizen unless the subject starts with \"R-\").",
        _ => "'department' is required for officer and supervisor tokens.",
    };
}
