namespace MyGovernment.Api.Identity;

public sealed record DevelopmentTokenRequest(string Subject, string Role, string? Department, string? NationalId);

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
                if (string.IsNullOrWhiteSpace(request.Subject) || !Roles.All.Contains(request.Role))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["role"] = [$"Role must be one of: {string.Join(", ", Roles.All)}; subject is required."],
                    });
                }
                var token = issuer.Mint(request.Subject, request.Role, request.Department, request.NationalId);
                return Results.Ok(new DevelopmentTokenResponse(token, "Bearer"));
            })
            .AllowAnonymous()
            .WithName("IssueDevelopmentToken")
            .Produces<DevelopmentTokenResponse>()
            .WithTags("Development")
            .WithSummary("Mint a development token (Development and Testing environments only).");
    }
}
