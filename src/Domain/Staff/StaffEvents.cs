using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Staff;

// Department roster events: who may be given requests at a department's steps. A stored contract.

public sealed record OfficerEnrolled(string DepartmentCode, string OfficerId, string? NationalId, string Role, Actor By, DateTimeOffset At);

public sealed record OfficerUnenrolled(string DepartmentCode, string OfficerId, string Reason, Actor By, DateTimeOffset At);
