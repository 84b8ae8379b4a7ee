namespace MyGovernment.Application.Notifications;

/// <summary>Configuration section "Notifications" (README "Notifications").</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The portal's address; a notification links to <c>{PortalUrl}/requests/{id}</c>.</summary>
    public string PortalUrl { get; set; } = "http://localhost:5080";

    /// <summary>Quiet hours in Asia/Hebron time: SMS and email wait for the end; the inbox is immediate. Equal means none.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>Days before an abandonment deadline that the citizen is reminded.</summary>
    public int AbandonmentReminderDays { get; set; } = 3;

    /// <summary>The wait after a channel's first failed attempt; each later wait is five times the one before.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts per channel; after the last one fails the delivery is Failed.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before attempt <paramref name="failedAttempts"/> + 1 (1 minute, 5, 25 by default).</summary>
    public TimeSpan RetryDelay(int failedAttempts) => FirstRetryDelay * Math.Pow(5, failedAttempts - 1);

    public SmsOptions Sms { get; set; } = new();

    public EmailOptions Email { get; set; } = new();
}

public sealed class SmsOptions
{
    /// <summary>The gateway's base address (the sandbox's is <c>{api}/sms-sandbox/</c>); empty turns SMS off.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Where the gateway reports delivery: our <c>/api/notifications/sms-delivery-reports</c>.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>The shared secret of the gateway's HMAC-SHA256 signature on delivery reports.</summary>
    public string? CallbackSecret { get; set; }
}

public sealed class EmailOptions
{
    /// <summary>SMTP server; empty turns email off unless a pickup directory is set.</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public string From { get; set; } = "no-reply@mygov.ps";

    /// <summary>Development sink: each message is written here as an .eml file instead of being sent.</summary>
    public string? PickupDirectory { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost) || !string.IsNullOrWhiteSpace(PickupDirectory);
}
