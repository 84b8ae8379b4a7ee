using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// The JSON the API serves and its OpenAPI document describes (both read these options). Marten stores documents
/// with serializer options of its own, so a member can be kept in a row without being served: the request's
/// <see cref="ServiceRequestDetails.Timers"/> (for the timer sweep's indexes) and its
/// <see cref="ServiceRequestDetails.WriteModel"/> (read by commands) live in its row (issue 16) but are the engine's
/// bookkeeping, not part of the contract clients were given.
/// </summary>
public static class HttpJsonContract
{
    public static IServiceCollection AddMyGovernmentJsonContract(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(LeaveOutStorageOnlyMembers);
        });

    private static void LeaveOutStorageOnlyMembers(JsonTypeInfo type)
    {
        if (type.Type != typeof(ServiceRequestDetails))
        {
            return;
        }
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].AttributeProvider is PropertyInfo { Name: nameof(ServiceRequestDetails.Timers) or nameof(ServiceRequestDetails.WriteModel) })
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
