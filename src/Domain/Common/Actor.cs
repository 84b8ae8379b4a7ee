namespace MyGovernment.Domain.Common;

/// <summary>
/// Who acts: the token's subject, role and (for staff) department, plus the person's national ID when the token
/// carries one, so that an officer acting on their own request is recognised whatever their subject id.
/// </summary>
public sealed record Actor(string Subject, string Role, string? Department = null, string? NationalId = null)
{
    public static readonly Actor System = new("system", "system");

    public bool IsStaff => Role is "officer" or "supervisor";

    public bool IsSupervisor => Role == "supervisor";

    /// <summary>Logs and exceptions name the actor by subject, role and department, never by national ID.</summary>
    public override string ToString() => $"Actor {{ Subject = {Subject}, Role = {Role}, Department = {Department} }}";

    /// <summary>
    /// The same person: the same subject, or the same national ID under another subject (a second account, e.g. an
    /// officer's and a supervisor's). Separation of duties compares people, not accounts.
    /// </summary>
    public bool IsSamePersonAs(Actor other) =>
        string.Equals(Subject, other.Subject, StringComparison.Ordinal)
        || (NationalId is not null && string.Equals(NationalId, other.NationalId, StringComparison.Ordinal));

    public bool BelongsTo(string? department) =>
        IsStaff && department is not null && string.Equals(Department, department, StringComparison.OrdinalIgnoreCase);
}
