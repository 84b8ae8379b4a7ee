using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Application.Notifications;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Notifications;

public sealed record NotificationPreferencesBody(string? Language, string? Phone, string? Email);

public static class NotificationPreferencesEndpoint
{
    [Authorize]
    [WolverineGet("/api/me/preferences", OperationId = "GetMyPreferences")]
    [Tags("Notifications")]
    [EndpointSummary("Read my notification preferences")]
    [EndpointDescription("My language (ar by default) and the phone and email my notifications go to (none: the inbox only).")]
    public static async Task<NotificationPreferencesBody> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var stored = await session.LoadAsync<NotificationPreferences>(NotificationRecipientsOfCaller.Own(user), ct);
        return new NotificationPreferencesBody(stored?.Language ?? NotificationLanguage.Default, stored?.Phone, stored?.Email);
    }

    [Authorize]
    [WolverinePut("/api/me/preferences", OperationId = "SetMyPreferences")]
    [Tags("Notifications")]
    [EndpointSummary("Set my notification preferences")]
    [EndpointDescription(
        "Replaces my preferences: language ar or en (default ar), phone in international form (+970...) for SMS, email. " +
        "Notifications written from now on use them.")]
    public static async Task<NotificationPreferencesBody> Put(NotificationPreferencesBody body, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct)
    {
        var stored = await bus.InvokeAsync<NotificationPreferences>(
            new SetNotificationPreferences(NotificationRecipientsOfCaller.Own(user), body.Language, body.Phone, body.Email), ct);
        return new NotificationPreferencesBody(stored.Language, stored.Phone, stored.Email);
    }
}
