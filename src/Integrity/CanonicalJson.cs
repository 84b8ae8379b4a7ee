using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace MyGovernment.Integrity;

/// <summary>
/// SHA-256 of a JSON value in a form that does not depend on who printed it: the application's serializer before
/// insert and PostgreSQL's jsonb text after it print the same value differently (key order, spacing, escapes, 1E-05
/// against 0.00001). Objects: keys sorted ordinally, the last of a repeated key kept (as jsonb does); numbers: as a
/// decimal without trailing zeroes when they fit one; strings: their unescaped value.
/// </summary>
/// <remarks>
/// Runs for every event appended and every event verified, so the canonical text is written into a buffer kept per
/// thread, and numbers are parsed and printed as UTF-8 without strings (issue 16). The bytes hashed are pinned by
/// <c>CanonicalJsonTests</c>: tags already stored depend on them.
/// </remarks>
public static class CanonicalJson
{
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static byte[] Hash(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer, document.RootElement);
        writer.Flush();
        var hash = SHA256.HashData(buffer.WrittenSpan);
        if (buffer.Capacity > KeptBufferBytes)
        {
            // One unusually large event must not pin its buffer to the thread for ever.
            _buffer = null;
            _writer = null;
        }
        return hash;
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, value);
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
                WriteNumber(writer, value);
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement value)
    {
        writer.WriteStartObject();
        var count = value.GetPropertyCount();
        var properties = ArrayPool<(string Name, int Order, JsonElement Value)>.Shared.Rent(count);
        try
        {
            var n = 0;
            foreach (var property in value.EnumerateObject())
            {
                properties[n] = (property.Name, n, property.Value);
                n++;
            }
            // By name, then by position: the last of equal names is the one kept.
            Array.Sort(properties, 0, n, PropertyOrder.Instance);
            for (var i = 0; i < n; i++)
            {
                if (i + 1 < n && string.Equals(properties[i].Name, properties[i + 1].Name, StringComparison.Ordinal))
                {
                    continue;
                }
                writer.WritePropertyName(properties[i].Name);
                Write(writer, properties[i].Value);
            }
        }
        finally
        {
            ArrayPool<(string, int, JsonElement)>.Shared.Return(properties, clearArray: true);
        }
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        Span<byte> printed = stackalloc byte[64];
        // Dividing by 1.000… (28 digits) drops the scale, so 10.50, 10.5 and 1.05E1 print alike.
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && (d / 1.0000000000000000000000000000m).TryFormat(printed, out var written, default, CultureInfo.InvariantCulture))
        {
            writer.WriteRawValue(printed[..written], skipInputValidation: true);
        }
        else
        {
            writer.WriteRawValue(raw, skipInputValidation: true);
        }
    }

    private sealed class PropertyOrder : IComparer<(string Name, int Order, JsonElement Value)>
    {
        public static readonly PropertyOrder Instance = new();

        public int Compare((string Name, int Order, JsonElement Value) x, (string Name, int Order, JsonElement Value) y)
        {
            var byName = string.CompareOrdinal(x.Name, y.Name);
            return byName != 0 ? byName : x.Order.CompareTo(y.Order);
        }
    }
}
