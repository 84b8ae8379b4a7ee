using System.Security.Claims;

namespace MyGovernment.Api.Identity;

/// <summary>
/// Reads who is calling from the validated token (<see cref="CallerClaims"/>, read once per request). Identity never
/// comes from a request body.
/// </summary>
public static class CallerIdentity
{
    public static string Subject(this ClaimsPrincipal user) => SubjectOf(CallerClaims.Of(user));

    /// <summary>The citizen's national ID, or the subject for resident/diaspora accounts without one.</summary>
    public static string ApplicantId(this ClaimsPrincipal user) => user.NationalId() ?? user.Subject();

    /// <summary>The token's national ID in ASCII digits: an identity provider may issue it in Arabic-Indic digits.</summary>
    public static string? NationalId(this ClaimsPrincipal user) => CallerClaims.Of(user).NationalId;

    /// <summary>The client app the token was issued to, if any.</summary>
    public static string? ClientId(this ClaimsPrincipal user) => CallerClaims.Of(user).ClientId;

    /// <summary>The app itself (its own client-credentials token), as opposed to a person using it.</summary>
    public static string? ClientApp(this ClaimsPrincipal user)
    {
        var caller = CallerClaims.Of(user);
        return caller.ClientId is { Length: > 0 } client && client == caller.Subject && caller.Roles.Count == 0 ? client : null;
    }

    public static string? Department(this ClaimsPrincipal user) => CallerClaims.Of(user).Department;

    /// <summary>The acting person as the domain records them: subject, role, department and national ID from the token.</summary>
    public static MyGovernment.Domain.Common.Actor ToActor(this ClaimsPrincipal user)
    {
        var caller = CallerClaims.Of(user);
        return new(
            SubjectOf(caller),
            caller.Role ?? "",
            caller.Department,
            caller.NationalId);
    }

    private static string SubjectOf(CallerClaims caller) =>
        caller.Subject ?? throw new UnauthorizedAccessException("The token has no subject.");

    public static bool IsStaffOf(this ClaimsPrincipal user, string? department) =>
        department is not null
        && (user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Supervisor))
        && string.Equals(user.Department(), department, StringComparison.OrdinalIgnoreCase);
}
