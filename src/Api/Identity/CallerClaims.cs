using System.Security.Claims;

namespace MyGovernment.Api.Identity;

/// <summary>
/// The claims the API reads from a caller's token, read in one pass. A command asks for its caller's subject, role,
/// department and national ID several times (the identity rule, authorization, the actor recorded on its events, the
/// idempotency scope), and each <c>FindFirst</c> of the token's identity walks its claims anew and allocates a
/// predicate and an enumerator (issue 16). Authentication reads them once and keeps them on the principal
/// (<see cref="CallerPrincipal"/>); any other principal is read when asked, by the same rules.
/// </summary>
/// <remarks>
/// The rules are <c>FindFirst</c>'s as the token handler's identity applies them: claim types compare ordinally (JWT
/// claim names are case-sensitive, RFC 7519 section 4), identities in order, and of a claim given twice the first one
/// counts. Every role claim is kept, so the identity rule can refuse a token with two.
/// </remarks>
public sealed class CallerClaims
{
    private CallerClaims(string? subject, IReadOnlyList<string> roles, string? department, string? nationalId, string? clientId)
    {
        Subject = subject;
        Roles = roles;
        Department = department;
        NationalIdAsSent = nationalId;
        NationalId = MyGovernment.Domain.Common.NationalId.Normalise(nationalId);
        ClientId = clientId;
    }

    public string? Subject { get; }

    /// <summary>Every role claim, in the token's order (the identity rule lets exactly one through).</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The first role claim, or null: the role a person acts in.</summary>
    public string? Role => Roles.Count > 0 ? Roles[0] : null;

    public string? Department { get; }

    /// <summary>The national ID as the token carries it (an identity provider may use Arabic-Indic digits).</summary>
    public string? NationalIdAsSent { get; }

    /// <summary>The national ID in ASCII digits, or null.</summary>
    public string? NationalId { get; }

    public string? ClientId { get; }

    /// <summary>The caller's claims: kept on the principal since authentication, or read now.</summary>
    public static CallerClaims Of(ClaimsPrincipal user) => user is CallerPrincipal caller ? caller.Caller : Read(user);

    /// <summary>One pass over the principal's claims.</summary>
    public static CallerClaims Read(ClaimsPrincipal user)
    {
        string? subject = null, department = null, nationalId = null, clientId = null;
        List<string>? roles = null;
        foreach (var identity in user.Identities)
        {
            foreach (var claim in identity.Claims)
            {
                switch (claim.Type)
                {
                    case ClaimNames.Subject:
                        subject ??= claim.Value;
                        break;
                    case ClaimNames.Role:
                        (roles ??= []).Add(claim.Value);
                        break;
                    case ClaimNames.Department:
                        department ??= claim.Value;
                        break;
                    case ClaimNames.NationalId:
                        nationalId ??= claim.Value;
                        break;
                    case ClaimNames.ClientId:
                        clientId ??= claim.Value;
                        break;
                }
            }
        }
        return new(subject, roles ?? (IReadOnlyList<string>)[], department, nationalId, clientId);
    }
}

/// <summary>
/// The authenticated caller's principal with its claims read once (<see cref="CallerClaims"/>). Its identities are the
/// token handler's own, unchanged, so authorization and anything else that reads claims sees what it saw before.
/// </summary>
public sealed class CallerPrincipal : ClaimsPrincipal
{
    /// <summary>Whether every identity takes its roles from the "role" claim, so that the roles read are its roles.</summary>
    private readonly bool rolesAreRoleClaims;

    public CallerPrincipal(ClaimsPrincipal validated, CallerClaims caller) : base(validated.Identities)
    {
        Caller = caller;
        rolesAreRoleClaims = Identities.All(i => i.RoleClaimType == ClaimNames.Role);
    }

    public CallerClaims Caller { get; }

    /// <summary>
    /// The role claims already read, instead of a search of each identity's claims per role asked: every command's
    /// authorization asks one or two (issue 16). The same answer as the token's identity gives (its role claim type is
    /// "role" and it compares roles ordinally); an identity that names another role claim type is asked itself.
    /// </summary>
    public override bool IsInRole(string role) => rolesAreRoleClaims ? Caller.Roles.Contains(role) : base.IsInRole(role);
}
