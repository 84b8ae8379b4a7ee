namespace MyGovernment.Application.Notifications;

/// <summary>What a notification tells its recipient about; one template per kind and language.</summary>
public enum NotificationKind
{
    FeeDue,
    InformationRequested,
    Approved,
    Rejected,
    DocumentIssued,
    PaymentReceived,
    RefundDecided,
    AbandonmentSoon,
    Escalated,
}

public enum NotificationChannel
{
    Inbox,
    Sms,
    Email,
}

/// <summary>
/// Where one channel's copy of a notification stands. Held: waiting for the quiet hours to end. Retried: an attempt
/// failed and another is scheduled. Failed: the gateway reported a failure, or every attempt failed.
/// </summary>
public enum DeliveryStatus
{
    Queued,
    Held,
    Sent,
    Delivered,
    Failed,
    Retried,
}

/// <summary>
/// One notice to one recipient (a citizen, an officer, or a department's supervisors), kept as the inbox entry.
/// The id is derived from the event that caused it and the kind and audience, so a replay finds it instead of sending
/// it again. It carries a reference number and a link at most: no national ID, no form text.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    /// <summary>A citizen's applicant id, <c>staff:{subject}</c>, or <c>supervisors:{DEPARTMENT}</c>.</summary>
    public string RecipientId { get; set; } = "";

    public NotificationKind Kind { get; set; }

    /// <summary>"ar" or "en": the recipient's preference when it was written.</summary>
    public string Language { get; set; } = NotificationLanguage.Default;

    public Guid RequestId { get; set; }

    /// <summary>The short reference the citizen quotes: the first eight characters of the request id.</summary>
    public string Reference { get; set; } = "";

    public string Text { get; set; } = "";

    public string? Link { get; set; }

    /// <summary>Business time of the event that caused it (a rebuild writes the same value).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public Guid SourceEventId { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>
/// One SMS or email copy of a notification (its own document, so channels never overwrite each other's status). The
/// inbox copy has none: it is delivered by storing the notification.
/// </summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; set; }

    public Guid NotificationId { get; set; }

    public NotificationChannel Channel { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? HeldUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Why the last attempt failed (the gateway's words, never the message text).</summary>
    public string? Detail { get; set; }

    public static Guid IdFor(Guid notificationId, NotificationChannel channel) =>
        MyGovernment.Domain.Common.NameBasedId.For("notification-delivery", $"{notificationId:N}:{channel}");
}

/// <summary>
/// The gateway's word on one delivery, kept apart from the delivery it concerns: a report that lands while the send
/// is still being recorded never overwrites it, nor is overwritten. Its status wins over the delivery's own.
/// </summary>
public sealed class NotificationDeliveryReport
{
    /// <summary>The delivery's id.</summary>
    public Guid Id { get; set; }

    public bool Delivered { get; set; }

    public DateTimeOffset At { get; set; }
}
