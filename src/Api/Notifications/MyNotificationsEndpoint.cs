using System.Security.Claims;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Application.Notifications;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Notifications;

public static class MyNotificationsEndpoint
{
    private const string InboxRoles = $"{Roles.Citizen},{Roles.Officer},{Roles.Supervisor}";

    private static readonly IReadOnlyList<KeysetOrder<Notification>> Orders =
    [
        new("-created", n => n.CreatedAt, n => n.Id,
            q => q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id),
            (q, k, id) => q.Where(n => n.CreatedAt < k || (n.CreatedAt == k && n.MatchesSql("d.id < ?", id)))),
    ];

    [Authorize(Roles = InboxRoles)]
    [WolverineGet("/api/me/notifications", OperationId = "ListMyNotifications")]
    [Tags("Notifications")]
    [EndpointSummary("List my notifications")]
    [EndpointDescription(
        "My inbox, newest first, with keyset paging (limit 1-100, after = the previous page's next); unread=true for unread only. " +
        "Each entry shows where its SMS and email copies stand: Queued, Held (quiet hours), Sent, Delivered, Retried or Failed.")]
    public static async Task<Page<NotificationView>> Get(ClaimsPrincipal user, IQuerySession session, bool? unread, string? after, int? limit, CancellationToken ct)
    {
        var recipients = NotificationRecipientsOfCaller.All(user).ToArray();
        var query = session.Query<Notification>().Where(n => recipients.Contains(n.RecipientId));
        if (unread == true)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        var page = await KeysetPaging.PageAsync(query, Orders[0], after, limit, n => n, ct);
        return new Page<NotificationView>(await NotificationViews.WithDeliveriesAsync(session, page.Items, ct), page.Next);
    }

    [Authorize(Roles = InboxRoles)]
    [WolverinePut("/api/me/notifications/{id}/read", OperationId = "MarkNotificationRead")]
    [Tags("Notifications")]
    [EndpointSummary("Mark a notification read")]
    [EndpointDescription("Marks one of my notifications read (again: keeps the first time). Someone else's is 404.")]
    public static Task<NotificationView> MarkRead(Guid id, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        MarkAsync(id, user, read: true, bus, session, ct);

    [Authorize(Roles = InboxRoles)]
    [WolverineDelete("/api/me/notifications/{id}/read", OperationId = "MarkNotificationUnread")]
    [Tags("Notifications")]
    [EndpointSummary("Mark a notification unread")]
    [EndpointDescription("Marks one of my notifications unread. Someone else's is 404.")]
    public static Task<NotificationView> MarkUnread(Guid id, ClaimsPrincipal user, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        MarkAsync(id, user, read: false, bus, session, ct);

    private static async Task<NotificationView> MarkAsync(Guid id, ClaimsPrincipal user, bool read, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        var notification = await bus.InvokeAsync<Notification>(new MarkNotificationRead(id, NotificationRecipientsOfCaller.All(user), read), ct);
        return (await NotificationViews.WithDeliveriesAsync(session, [notification], ct))[0];
    }
}
