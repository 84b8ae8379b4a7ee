namespace MyGovernment.Integrity;

/// <summary>Configuration section "Integrity" (README "Verifiable history").</summary>
public sealed class IntegrityOptions
{
    /// <summary>The log's name, first line of every checkpoint and the key name of its signature.</summary>
    public string Origin { get; set; } = "my-government/events";

    /// <summary>How often the background sealer records new leaves and signs a checkpoint; zero or less turns it off.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often new events are sealed (leaves and tiles, no signature) between checkpoints. Small rounds every few
    /// seconds instead of a minute's events at once: a minute of events (over 100,000 under load) sealed in one round
    /// kept both cores of a small node busy for seconds, stalling the commands beside it (issue 16, part J); and an
    /// event is bound into the log sooner after its append. Zero or at least <see cref="CheckpointInterval"/>: events
    /// are sealed with each checkpoint only.
    /// </summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A hole in seq_id (a rolled-back append) is passed over once the event after it is this old; until then it
    /// may be a transaction still committing, and sealing waits so that no late event lands below sealed ones.
    /// </summary>
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Events at or below this seq_id were appended before the application tagged its events (an existing
    /// deployment's cut-over, docs/operations.md): they are sealed without a tag, and their leaves are not required
    /// to carry a seal. Kept in configuration, not the database, so that whoever edits the database cannot move it.
    /// </summary>
    public long TagsRequiredAfterSeq { get; set; }

    /// <summary>Production: the ECDSA P-256 private key as PEM (from a secret store). Takes precedence over the file.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Development: a PEM file, created with a fresh key if missing (git-ignored). Relative to the content root.</summary>
    public string SigningKeyFile { get; set; } = ".keys/checkpoint-signing-key.pem";

    /// <summary>
    /// The witnesses asked to cosign every new checkpoint (c2sp.org/tlog-witness): each one's URL prefix (POST
    /// {Url}/add-checkpoint) and verifier key. A witness that finds the new checkpoint inconsistent with the last one
    /// it cosigned makes the sealer refuse to sign it.
    /// </summary>
    public List<WitnessEndpoint> Witnesses { get; set; } = [];
}

public sealed class WitnessEndpoint
{
    public string Url { get; set; } = "";

    /// <summary>The witness's vkey (signature type 0x04, Ed25519 cosignature/v1).</summary>
    public string VerifierKey { get; set; } = "";
}
