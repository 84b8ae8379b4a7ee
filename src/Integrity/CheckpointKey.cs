using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MyGovernment.Integrity;

/// <summary>
/// The checkpoint signing key. Production reads it from configuration as PEM; elsewhere a key generated on first
/// use is kept in a git-ignored file. Only the public half ever leaves the process (GET /api/audit/public-key).
/// </summary>
public sealed class CheckpointKey : IDisposable
{
    private readonly Lazy<ECDsa> _key;
    private readonly Lazy<byte[]> _tagKey;

    public CheckpointKey(IOptions<IntegrityOptions> options, IHostEnvironment environment)
        : this(new Lazy<ECDsa>(() => Load(options.Value, environment)))
    {
    }

    private CheckpointKey(Lazy<ECDsa> key)
    {
        _key = key;
        // One secret per deployment, not two: the event tag key is derived from the signing key, so every node that
        // may sign also tags, and the database holds neither.
        _tagKey = new Lazy<byte[]>(() => HKDF.DeriveKey(HashAlgorithmName.SHA256, _key.Value.ExportParameters(true).D!, 32, info: "mygov-event-tag-key-v1"u8.ToArray()));
    }

    /// <summary>A key given as PEM, with no host around it (tools and tests that seal or verify a database directly).</summary>
    public static CheckpointKey FromPem(string pem) => new(new Lazy<ECDsa>(() =>
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return RequireP256(key);
    }));

    public ECDsa Key => _key.Value;

    /// <summary>The HMAC key of event tags and leaf seals (<see cref="EventTag"/>, <see cref="LeafSeal"/>).</summary>
    public byte[] TagKey => _tagKey.Value;

    public string PublicKeyPem() => Key.ExportSubjectPublicKeyInfoPem();

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }

    private static ECDsa Load(IntegrityOptions options, IHostEnvironment environment) => RequireP256(LoadOrCreate(options, environment));

    /// <summary>Checkpoints are documented (and verified by auditors' tools) as P-256: another curve is a configuration error, not a choice.</summary>
    private static ECDsa RequireP256(ECDsa key)
    {
        if (key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            key.Dispose();
            throw new InvalidOperationException("The checkpoint signing key must be an ECDSA P-256 key.");
        }
        return key;
    }

    private static ECDsa LoadOrCreate(IntegrityOptions options, IHostEnvironment environment)
    {
        var key = ECDsa.Create();
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            key.ImportFromPem(options.SigningKeyPem);
            return key;
        }
        var path = Path.Combine(environment.ContentRootPath, options.SigningKeyFile);
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Integrity:SigningKeyPem is not configured: production never invents its own signing key.");
        }
        key.GenerateKey(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return key;
    }
}
