using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace MyGovernment.Integrity;

/// <summary>
/// SHA-256 of a JSON value in a form that does not depend on who printed it: the application's serializer before
/// insert and PostgreSQL's jsonb text after it print the same value differently (key order, spacing, escapes, 1E-05
/// against 0.00001). Objects: keys sorted ordinally, the last of a repeated key kept (as jsonb does); numbers: as a
/// decimal without trailing zeroes when they fit one; strings: their unescaped value.
/// </summary>
public static class CanonicalJson
{
    public static byte[] Hash(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream(json.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, document.RootElement);
        }
        return SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var last = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    last[property.Name] = property.Value;
                }
                foreach (var name in last.Keys.Order(StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, last[name]);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(Number(value.GetRawText()));
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static string Number(string raw) =>
        decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            // Dividing by 1.000… (28 digits) drops the scale, so 10.50, 10.5 and 1.05E1 print alike.
            ? (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)
            : raw;
}
