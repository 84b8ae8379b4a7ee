namespace MyGovernment.Api.Documents;

/// <summary>
/// The media types we store and the signature ("magic bytes") each file of that type starts with. The declared
/// Content-Type must match the content: an executable or HTML page renamed to .pdf is refused, so what officers
/// download is what it claims to be.
/// </summary>
public static class FileSignatures
{
    private static readonly Dictionary<string, byte[]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF-"u8.ToArray(),
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
    };

    public static bool IsAllowed(string mediaType) => Signatures.ContainsKey(mediaType);

    public static bool Matches(string mediaType, ReadOnlySpan<byte> content) =>
        Signatures.TryGetValue(mediaType, out var signature) && content.StartsWith(signature);
}
