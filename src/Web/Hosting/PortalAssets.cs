using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;

namespace MyGovernment.Web.Hosting;

/// <summary>
/// The stylesheet and fonts, embedded in this assembly and served at a URL that carries their content hash
/// (/assets/{hash}/{name}), so a browser may keep them for a year and a revisit fetches only the page. Text assets are
/// compressed once here rather than on every request.
/// </summary>
public sealed class PortalAssets
{
    public const string Prefix = "/assets/";
    private readonly Dictionary<string, PortalAsset> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _urlByName = new(StringComparer.Ordinal);

    public PortalAssets()
    {
        var assembly = typeof(PortalAssets).Assembly;
        // Stylesheets last: their url(...) references to the other assets become those assets' fingerprinted URLs.
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("assets/", StringComparison.Ordinal))
            .OrderBy(n => n.EndsWith(".css", StringComparison.Ordinal))
            .ThenBy(n => n, StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var name = resource["assets/".Length..];
            var bytes = Read(assembly, resource);
            if (name.EndsWith(".css", StringComparison.Ordinal))
            {
                bytes = LinkAssets(bytes);
            }
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
            var url = $"{Prefix}{hash}/{name}";
            var type = ContentType(name);
            var text = type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("svg+xml", StringComparison.Ordinal);
            _byPath[url] = new PortalAsset(bytes, type, text ? Compress(bytes, s => new BrotliStream(s, CompressionLevel.SmallestSize)) : null,
                text ? Compress(bytes, s => new GZipStream(s, CompressionLevel.SmallestSize)) : null);
            _urlByName[name] = url;
        }
    }

    /// <summary>The fingerprinted URL of an asset, e.g. <c>Url("portal.css")</c>.</summary>
    public string Url(string name) => _urlByName.TryGetValue(name, out var url)
        ? url
        : throw new ArgumentException($"No portal asset named '{name}'.", nameof(name));

    public PortalAsset? Find(string path) => _byPath.GetValueOrDefault(path);

    private byte[] LinkAssets(byte[] css)
    {
        var text = System.Text.Encoding.UTF8.GetString(css);
        foreach (var (name, url) in _urlByName)
        {
            text = text.Replace($"url({name})", $"url({url})", StringComparison.Ordinal);
        }
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }
        return output.ToArray();
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".woff2" => "font/woff2",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}

public sealed record PortalAsset(byte[] Bytes, string ContentType, byte[]? Brotli, byte[]? Gzip);
