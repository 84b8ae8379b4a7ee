namespace MyGovernment.Web.SignIn;

/// <summary>
/// The portal's scheme and policy names. Distinct from the API's bearer scheme so that both can live in one host:
/// a portal page never accepts a bearer token and an API route never accepts the portal's cookie.
/// </summary>
public static class PortalAuth
{
    public const string Scheme = "Portal";
    public const string OidcScheme = "PortalOidc";
    public const string CookieName = "mygov-portal";

    /// <summary>The role claim, as the engine's tokens carry it.</summary>
    public const string RoleClaim = "role";

    public const string AccessToken = "access_token";

    /// <summary>Policies by role: <c>[Authorize(Policy = PortalAuth.Citizen)]</c> on a page model.</summary>
    public const string Citizen = "portal:citizen";
    public const string Officer = "portal:officer";
    public const string Supervisor = "portal:supervisor";
    public const string Finance = "portal:finance";
    public const string Auditor = "portal:auditor";
    public const string Oversight = "portal:oversight";
    public const string Admin = "portal:admin";

    public static IReadOnlyDictionary<string, string> PolicyRoles { get; } = new Dictionary<string, string>
    {
        [Citizen] = "citizen", [Officer] = "officer", [Supervisor] = "supervisor", [Finance] = "finance",
        [Auditor] = "auditor", [Oversight] = "oversight", [Admin] = "admin",
    };
}
