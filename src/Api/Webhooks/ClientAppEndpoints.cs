using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Webhooks;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Webhooks;

public sealed record RegisterClientAppBody(string Name, List<string>? Services);

/// <summary>A subscription that kept failing and was disabled: the admins' report of apps to contact.</summary>
public sealed record DisabledWebhookSubscription(Guid Id, DateTimeOffset? DisabledAt, string? Reason);

public sealed record ClientAppSummary(
    string ClientId, string Name, IReadOnlyList<string> Services, DateTimeOffset RegisteredAt, IReadOnlyList<DisabledWebhookSubscription> DisabledSubscriptions)
{
    public static ClientAppSummary Of(ClientApp app, IEnumerable<WebhookSubscription> disabled) =>
        new(app.Id, app.Name, app.Services, app.RegisteredAt, [.. disabled.Select(s => new DisabledWebhookSubscription(s.Id, s.DisabledAt, s.DisabledReason))]);
}

public static class ClientAppEndpoints
{
    private const string Tag = "Client apps";

    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/admin/client-apps", OperationId = "RegisterClientApp")]
    [Tags(Tag)]
    [EndpointSummary("Register a client app")]
    [EndpointDescription(Descriptions.Register)]
    public static async Task<Created<ClientAppSummary>> Register(RegisterClientAppBody body, HttpContext http, IMessageBus bus, CancellationToken ct)
    {
        var app = await bus.InvokeAsync<ClientApp>(new RegisterClientApp(body.Name ?? "", body.Services, http.User.ToActor()), ct);
        return TypedResults.Created($"/api/admin/client-apps/{app.Id}", ClientAppSummary.Of(app, []));
    }

    [Authorize(Roles = Roles.Admin)]
    [WolverineGet("/api/admin/client-apps", OperationId = "ListClientApps")]
    [Tags(Tag)]
    [EndpointSummary("List client apps and their disabled webhook subscriptions")]
    public static async Task<Ok<IReadOnlyList<ClientAppSummary>>> List(IQuerySession session, CancellationToken ct)
    {
        var apps = await session.Query<ClientApp>().OrderBy(a => a.RegisteredAt).ToListAsync(ct);
        var disabled = (await session.Query<WebhookSubscription>().Where(s => s.Status == WebhookSubscriptionStatus.Disabled).ToListAsync(ct))
            .ToLookup(s => s.ClientId);
        return TypedResults.Ok<IReadOnlyList<ClientAppSummary>>([.. apps.Select(a => ClientAppSummary.Of(a, disabled[a.Id]))]);
    }

    private static class Descriptions
    {
        public const string Register =
            "Registers an OAuth client of the identity provider as a client app. Its own tokens (subject and client_id = the "
            + "returned clientId, no role) manage its webhooks; requests citizens submit with tokens issued to it are attributed "
            + "to it. The services listed entitle it to webhooks about every request of those services.";
    }
}
