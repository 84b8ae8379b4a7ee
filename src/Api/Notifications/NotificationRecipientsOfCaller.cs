using System.Security.Claims;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Notifications;

namespace MyGovernment.Api.Notifications;

/// <summary>Whose notices the caller reads: a citizen their own; staff their own and, for a supervisor, the department's.</summary>
public static class NotificationRecipientsOfCaller
{
    public static string Own(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Supervisor) ? NotificationRecipients.Staff(user.Subject()) : user.ApplicantId();

    public static IReadOnlyList<string> All(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) && user.Department() is { } department
            ? [Own(user), NotificationRecipients.Supervisors(department)]
            : [Own(user)];
}
