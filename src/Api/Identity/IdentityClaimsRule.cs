using MyGovernment.Domain.Common;

namespace MyGovernment.Api.Identity;

/// <summary>What is wrong with a token's identity: the claim (and the <c>/dev/tokens</c> field) it concerns, and why.</summary>
public sealed record IdentityProblem(string Claim, string Field, string Message);

/// <summary>
/// The identity every action is recorded against must be whole, whoever issued the token (the development issuer or
/// the production identity provider): a subject; exactly one of our roles; a citizen's national ID that passes its
/// check digit (a resident or diaspora account, subject "R-…", has none); staff of a department (officer,
/// supervisor) name it. A client app's own token (subject = <c>client_id</c>) has no role and acts only as that app. A token that fails is refused at authentication (401 <c>identity_claims_invalid</c>), and
/// <c>POST /dev/tokens</c> refuses to mint one (400 naming the field).
/// </summary>
public static class IdentityClaimsRule
{
    public const string Code = "identity_claims_invalid";

    /// <summary>Resident and diaspora accounts have no national ID; their subject says so (as the domain expects).</summary>
    public const string ResidentSubjectPrefix = "R-";

    public static IdentityProblem? Check(CallerClaims caller) =>
        Check(caller.Subject, caller.Roles, caller.Department, caller.NationalIdAsSent, caller.ClientId);

    public static IdentityProblem? Check(string? subject, IReadOnlyList<string> roles, string? department, string? nationalId, string? clientId = null)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return new(ClaimNames.Subject, "subject", "The token has no subject (sub) claim.");
        }
        if (roles.Count == 0 && !string.IsNullOrEmpty(clientId) && clientId == subject)
        {
            // A client app's own (client-credentials) token: it acts as the app, never as a person, so it has no role.
            return null;
        }
        if (roles.Count != 1 || !Roles.All.Contains(roles[0]))
        {
            return new(ClaimNames.Role, "role", $"The token must carry exactly one role claim, one of: {string.Join(", ", Roles.All)}.");
        }
        var role = roles[0];
        if (role == Roles.Citizen && !string.IsNullOrEmpty(nationalId) && !NationalId.IsValid(nationalId))
        {
            return new(ClaimNames.NationalId, "nationalId", "The citizen's national ID (national_id) is not nine digits with a valid check digit.");
        }
        if (role == Roles.Citizen && string.IsNullOrEmpty(nationalId) && !subject.StartsWith(ResidentSubjectPrefix, StringComparison.Ordinal))
        {
            return new(ClaimNames.NationalId, "nationalId",
                $"A citizen token needs a national ID (national_id); only resident accounts (subject \"{ResidentSubjectPrefix}…\") have none.");
        }
        if (role is Roles.Officer or Roles.Supervisor && string.IsNullOrWhiteSpace(department))
        {
            return new(ClaimNames.Department, "department", $"A token for the {role} role needs the department claim (department).");
        }
        return null;
    }
}
