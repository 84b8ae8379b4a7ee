using Microsoft.Extensions.Logging;

namespace MyGovernment.Integrity;

/// <summary>
/// Why this node's sealer refuses to go on, if it does: a row without a valid tag, a signing key that differs from
/// the deployment's, a witness that refuses the new checkpoint. Every round sets or clears it (it is recomputed, not
/// remembered), so each node's health says what its own last round found.
/// </summary>
public sealed class IntegrityAlarm(ILogger<IntegrityAlarm> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _raised = [];

    public const string UnauthenticatedEvent = "unauthenticated-event";
    public const string ForeignKey = "signing-key-differs";
    public const string WitnessRefusal = "witness-refused";
    public const string WitnessUnavailable = "witness-unavailable";
    public const string TreeInconsistent = "tree-inconsistent";

    public IReadOnlyDictionary<string, string> Raised
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_raised);
            }
        }
    }

    public void Raise(string kind, string message)
    {
        lock (_gate)
        {
            if (_raised.TryGetValue(kind, out var known) && known == message)
            {
                return;
            }
            _raised[kind] = message;
        }
        logger.LogCritical("Integrity alarm {Kind}: {Message}", kind, message);
    }

    public void Clear(string kind)
    {
        lock (_gate)
        {
            _raised.Remove(kind);
        }
    }
}
