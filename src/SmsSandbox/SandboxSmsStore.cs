using System.Collections.Concurrent;

namespace MyGovernment.SmsSandbox;

/// <summary>A message as the sandbox gateway accepted it; <see cref="Submissions"/> counts repeated sends of the same id.</summary>
public sealed record SandboxSms(Guid MessageId, string To, string Text, DateTimeOffset AcceptedAt, int Submissions, string? Status);

/// <summary>Per-recipient switches: refuse the next sends, delay the report, report a failure instead of delivery.</summary>
public sealed record SandboxSmsBehaviour(int FailNext = 0, int ReportDelayMs = 0, bool ReportFailure = false);

/// <summary>
/// The sandbox's memory (one process, development and tests only): messages by id, deduplicated on the id as a real
/// gateway's idempotency key would, and the behaviour switches by recipient, so tests running side by side do not
/// disturb each other.
/// </summary>
public sealed class SandboxSmsStore
{
    private readonly ConcurrentDictionary<Guid, SandboxSms> _messages = new();
    private readonly ConcurrentDictionary<string, SandboxSmsBehaviour> _behaviour = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void SetBehaviour(string to, SandboxSmsBehaviour behaviour) => _behaviour[to] = behaviour;

    public SandboxSmsBehaviour BehaviourFor(string to) => _behaviour.GetValueOrDefault(to) ?? new SandboxSmsBehaviour();

    /// <summary>False when the recipient's switch refuses this send (and counts it down).</summary>
    public bool TryTakeFailure(string to)
    {
        lock (_gate)
        {
            var behaviour = BehaviourFor(to);
            if (behaviour.FailNext <= 0)
            {
                return false;
            }
            _behaviour[to] = behaviour with { FailNext = behaviour.FailNext - 1 };
            return true;
        }
    }

    /// <summary>Stores the message, or counts a repeated submission of the same id. True when it is new.</summary>
    public bool Accept(Guid messageId, string to, string text, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_messages.TryGetValue(messageId, out var known))
            {
                _messages[messageId] = known with { Submissions = known.Submissions + 1 };
                return false;
            }
            _messages[messageId] = new SandboxSms(messageId, to, text, now, 1, null);
            return true;
        }
    }

    public void Report(Guid messageId, string status) => _messages.AddOrUpdate(messageId, _ => throw new KeyNotFoundException(), (_, m) => m with { Status = status });

    public IReadOnlyList<SandboxSms> For(string to) => [.. _messages.Values.Where(m => m.To == to).OrderBy(m => m.AcceptedAt)];
}
