namespace MyGovernment.Api.OpenApi;

/// <summary>
/// Documents a body the endpoint reads itself from the request stream (a file, a CSV statement, a signed webhook):
/// the framework sees no body parameter, so without this the document would say the operation takes none.
/// <paramref name="schemaType"/> is the JSON shape for a JSON body; null means opaque bytes or text.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RawBodyAttribute(Type? schemaType, params string[] mediaTypes) : Attribute
{
    public Type? SchemaType { get; } = schemaType;

    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;
}

/// <summary>The operation calls the payment provider and answers 502 (a problem) when it cannot be reached.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CallsPaymentProviderAttribute : Attribute;
