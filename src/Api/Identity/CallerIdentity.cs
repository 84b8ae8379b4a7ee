using System.Security.Claims;

namespace MyGovernment.Api.Identity;

/// <summary>Reads who is calling from the validated token. Identity never comes from a request body.</summary>
public static class CallerIdentity
{
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimNames.Subject) ?? throw new UnauthorizedAccessException("The token has no subject.");

    /// <summary>The citizen's national ID, or the subject for resident/diaspora accounts without one.</summary>
    public static string ApplicantId(this ClaimsPrincipal user) => user.NationalId() ?? user.Subject();

    /// <summary>The token's national ID in ASCII digits: an identity provider may issue it in Arabic-Indic digits.</summary>
    public static string? NationalId(this ClaimsPrincipal user) => MyGovernment.Domain.Common.NationalId.Normalise(user.FindFirstValue(ClaimNames.NationalId));

    /// <summary>The client app the token was issued to, if any.</summary>
    public static string? ClientId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimNames.ClientId);

    /// <summary>The app itself (its own client-credentials token), as opposed to a person using it.</summary>
    public static string? ClientApp(this ClaimsPrincipal user) =>
        user.ClientId() is { Length: > 0 } client && client == user.FindFirstValue(ClaimNames.Subject) && !user.HasClaim(c => c.Type == ClaimNames.Role) ? client : null;

    public static string? Department(this ClaimsPrincipal user) => user.FindFirstValue(ClaimNames.Department);

    /// <summary>The acting person as the domain records them: subject, role, department and national ID from the token.</summary>
    public static MyGovernment.Domain.Common.Actor ToActor(this ClaimsPrincipal user) => new(
        user.Subject(),
        user.FindFirstValue(ClaimNames.Role) ?? "",
        user.Department(),
        user.NationalId());

    public static bool IsStaffOf(this ClaimsPrincipal user, string? department) =>
        department is not null
        && (user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Supervisor))
        && string.Equals(user.Department(), department, StringComparison.OrdinalIgnoreCase);
}
