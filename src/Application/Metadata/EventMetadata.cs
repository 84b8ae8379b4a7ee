using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Marten;
using MyGovernment.Domain.Common;
using Wolverine;

namespace MyGovernment.Application.Metadata;

/// <summary>
/// The metadata every stored event carries (DESIGN §7): who acted (subject, role, department), the correlation id
/// of the whole interaction, the id of the message that caused it, and the business time it happened at. Set here
/// once per session, never by a handler, so no slice can forget it.
/// </summary>
public static class EventMetadata
{
    public const string ActorHeader = "actor";
    public const string BusinessTimeHeader = "business-time";

    /// <summary>The OAuth client (client app) whose token carried the command, when the caller came through one (webhook entitlement).</summary>
    public const string ClientHeader = "client-id";

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ActorProperties = new();

    /// <summary>Wolverine middleware (see <see cref="EventMetadataPolicy"/>): the actor named by the command, else the system (timers).</summary>
    public static void Stamp(IDocumentSession session, Envelope envelope, TimeProvider clock)
    {
        var actor = ActorOf(envelope.Message) ?? Actor.System;
        var correlation = envelope.CorrelationId ?? Activity.Current?.TraceId.ToHexString();
        Apply(session, actor, correlation, envelope.Id.ToString(), clock.GetUtcNow());
        if (envelope.Headers.TryGetValue(ClientHeader, out var client) && !string.IsNullOrEmpty(client))
        {
            session.SetHeader(ClientHeader, client);
        }
    }

    public static void Apply(IDocumentSession session, Actor actor, string? correlationId, string? causationId, DateTimeOffset businessTime)
    {
        session.SetHeader(ActorHeader, actor);
        session.SetHeader(BusinessTimeHeader, businessTime);
        session.CorrelationId = correlationId;
        session.CausationId = causationId;
    }

    /// <summary>The first <see cref="Actor"/>-typed property of a command (By, SubmittedBy, PublishedBy, …).</summary>
    public static Actor? ActorOf(object? message) =>
        message is null
            ? null
            : ActorProperties.GetOrAdd(message.GetType(), t => t.GetProperties().FirstOrDefault(p => p.PropertyType == typeof(Actor)))?.GetValue(message) as Actor;
}
