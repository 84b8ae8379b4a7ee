using System.Globalization;

namespace MyGovernment.Application.Webhooks;

/// <summary>Section "Webhooks": how deliveries to client apps are retried, signed and where they may go.</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// The waits between attempts, comma separated: after the last one fails the delivery has failed and its
    /// subscription is disabled. The default adds up to just under 72 hours (a long weekend of an app being down).
    /// </summary>
    public string RetrySchedule { get; set; } = "00:00:05,00:05:00,00:30:00,02:00:00,05:00:00,10:00:00,14:00:00,20:00:00,20:00:00";

    /// <summary>How long the previous secrets keep signing after a rotation, unless the rotation names a shorter overlap.</summary>
    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest overlap a rotation may ask for.</summary>
    public TimeSpan MaxRotationOverlap { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Outside Development and Testing (set by the host from the environment): targets must be https and must not
    /// resolve to loopback, private, link-local or other internal addresses (no requests into our own network).
    /// </summary>
    public bool StrictTargets { get; set; } = true;

    public IReadOnlyList<TimeSpan> Retries() =>
        [.. RetrySchedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TimeSpan.Parse(s, CultureInfo.InvariantCulture))];
}
