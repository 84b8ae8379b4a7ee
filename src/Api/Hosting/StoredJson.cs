using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// Marten's JSON for what the API stores, beyond casing and enums. The request's write model is stored in its row
/// (<see cref="Projections.ServiceRequests.ServiceRequestDetails.WriteModel"/>, issue 16): its payment references are
/// an <see cref="IReadOnlySet{T}"/>, which System.Text.Json writes as an array but cannot create, and its computed
/// members (<see cref="ServiceRequest.IsFinal"/>, <see cref="RequestDocuments.Missing"/>, ...) would be written
/// into every row for nothing, as would its unset members. Events are not affected: none holds a set, and the three write-model types below
/// are not events.
/// </summary>
public static class StoredJson
{
    private static readonly HashSet<Type> WriteModelTypes = [typeof(ServiceRequest), typeof(RequestDocuments), typeof(PendingDecision)];

    public static void Configure(JsonSerializerOptions json)
    {
        json.Converters.Add(new ReadOnlySetConverter());
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(LeaveOutComputedMembers);
    }

    /// <summary>
    /// Members with no setter are computed from the others: reading the row recomputes them. Unset members (null) are
    /// left out too: each is a constructor parameter, and one missing from the JSON is read as null, so reading gives
    /// them back. Together a third of the write model's JSON, which keeps the row shorter than PostgreSQL's threshold
    /// for compressing it on every write (see RequestRowStorage).
    /// </summary>
    private static void LeaveOutComputedMembers(JsonTypeInfo type)
    {
        if (!WriteModelTypes.Contains(type.Type))
        {
            return;
        }
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.AttributeProvider is PropertyInfo { SetMethod: null })
            {
                type.Properties.RemoveAt(i);
            }
            else if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
            {
                property.ShouldSerialize = static (_, value) => value is not null;
            }
        }
    }

    private sealed class ReadOnlySetConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlySet<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(SetConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    /// <summary>Written as the array System.Text.Json would write anyway; read into a <see cref="HashSet{T}"/>.</summary>
    private sealed class SetConverter<T> : JsonConverter<IReadOnlySet<T>>
    {
        public override IReadOnlySet<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<HashSet<T>>(ref reader, options);

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize<IEnumerable<T>>(writer, value, options);
    }
}
