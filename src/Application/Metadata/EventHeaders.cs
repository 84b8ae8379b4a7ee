using System.Text.Json;
using JasperFx.Events;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Metadata;

/// <summary>
/// The metadata every stored event carries (<see cref="EventMetadata"/>), read back: who acted when the event's own
/// data does not name the actor (a provider's webhook, a timer, a refund's reservation on the payment stream).
/// </summary>
public static class EventHeaders
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Actor? Actor(IEvent e) =>
        e.Headers?.TryGetValue(EventMetadata.ActorHeader, out var value) == true
            ? value switch
            {
                Domain.Common.Actor typed => typed,
                JsonElement { ValueKind: JsonValueKind.Object } j => j.Deserialize<Actor>(Json),
                _ => null,
            }
            : null;

    /// <summary>The client app the command came through (<see cref="EventMetadata.ClientHeader"/>), if any.</summary>
    public static string? ClientId(IEvent e) =>
        e.Headers?.TryGetValue(EventMetadata.ClientHeader, out var value) == true
            ? value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } j => j.GetString(),
                _ => null,
            }
            : null;

    /// <summary>The business time the command ran at, else when the event was stored.</summary>
    public static DateTimeOffset BusinessTime(IEvent e) =>
        e.Headers?.TryGetValue(EventMetadata.BusinessTimeHeader, out var value) == true && value switch
        {
            DateTimeOffset d => d,
            JsonElement { ValueKind: JsonValueKind.String } j when j.TryGetDateTimeOffset(out var parsed) => parsed,
            _ => (DateTimeOffset?)null,
        } is { } at
            ? at
            : e.Timestamp;
}
