namespace MyGovernment.Api.Identity;

/// <summary>The actors of DESIGN §4, as they appear in the token's "role" claim.</summary>
public static class Roles
{
    public const string Citizen = "citizen";
    public const string Officer = "officer";
    public const string Supervisor = "supervisor";
    public const string Finance = "finance";
    public const string Auditor = "auditor";
    public const string Oversight = "oversight";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Citizen, Officer, Supervisor, Finance, Auditor, Oversight, Admin];
}

/// <summary>Claim names we read. Inbound claim mapping is off, so these are the names in the JWT itself.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Department = "department";
    public const string NationalId = "national_id";

    /// <summary>The OAuth client the token was issued to (RFC 9068): a registered client app, or none.</summary>
    public const string ClientId = "client_id";
}
