using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
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
/// thread, and numbers and property names are handled as spans, not strings (issue 16). The bytes hashed are pinned
/// by <c>CanonicalJsonTests</c>: tags already stored depend on them.
/// </remarks>
public static class CanonicalJson
{
    /// <summary>The largest buffer kept per thread: one unusually large event must not pin its buffer for ever.</summary>
    internal const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    public static byte[] Hash(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Hash(document);
    }

    /// <summary>The same hash from UTF-8 JSON, as a serializer writes it, without a string in between.</summary>
    public static byte[] Hash(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return Hash(document);
    }

    private static byte[] Hash(JsonDocument document)
    {
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
        var properties = ArrayPool<Property>.Shared.Rent(count);
        // The names as UTF-16, end to end in one rented buffer: sorting them needs UTF-16 order, and asking each
        // property for its Name allocated a string per property per event, twice per event (tag, then seal).
        var names = ArrayPool<char>.Shared.Rent(NamesLength(value));
        try
        {
            var n = 0;
            var used = 0;
            foreach (var property in value.EnumerateObject())
            {
                var length = CopyName(property, names.AsSpan(used));
                properties[n] = new Property(used, length, n, property.Value);
                used += length;
                n++;
            }
            // By name, then by position: the last of equal names is the one kept.
            properties.AsSpan(0, n).Sort(new PropertyOrder(names));
            for (var i = 0; i < n; i++)
            {
                var name = properties[i].Name(names);
                if (i + 1 < n && name.SequenceEqual(properties[i + 1].Name(names)))
                {
                    continue;
                }
                writer.WritePropertyName(name);
                Write(writer, properties[i].Value);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(names);
            ArrayPool<Property>.Shared.Return(properties, clearArray: true);
        }
        writer.WriteEndObject();
    }

    /// <summary>Room for every name of the object in UTF-16: never more code units than the name's UTF-8 bytes.</summary>
    private static int NamesLength(JsonElement value)
    {
        var length = 0;
        foreach (var property in value.EnumerateObject())
        {
            length += JsonMarshal.GetRawUtf8PropertyName(property).Length;
        }
        return Math.Max(length, 1);
    }

    /// <summary>The property's unescaped name into <paramref name="into"/>; returns its length in UTF-16 code units.</summary>
    private static int CopyName(JsonProperty property, Span<char> into)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Contains((byte)'\\'))
        {
            // Escaped in the JSON (rare: serializers escape only what they must): unescaped by the parser. Never longer
            // than its escaped form.
            var name = property.Name;
            name.CopyTo(into);
            return name.Length;
        }
        // The parsed document holds valid UTF-8, so this is the exact name.
        return Encoding.UTF8.GetChars(raw, into);
    }

    private readonly record struct Property(int Start, int Length, int Order, JsonElement Value)
    {
        public ReadOnlySpan<char> Name(char[] names) => names.AsSpan(Start, Length);
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

    /// <summary>Ordinal order of the names' UTF-16 code units, as <c>string.CompareOrdinal</c>, then position.</summary>
    private readonly struct PropertyOrder(char[] names) : IComparer<Property>
    {
        public int Compare(Property x, Property y)
        {
            var byName = x.Name(names).SequenceCompareTo(y.Name(names));
            return byName != 0 ? byName : x.Order.CompareTo(y.Order);
        }
    }
}
