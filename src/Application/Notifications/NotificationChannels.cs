namespace MyGovernment.Application.Notifications;

/// <summary>A channel refused or could not take a message; the delivery is retried.</summary>
public sealed class NotificationChannelException(string message, Exception? inner = null) : Exception(message, inner);

/// <param name="MessageId">The notification id: the gateway's idempotency key, so a repeated send is one SMS.</param>
public sealed record SmsMessage(Guid MessageId, string To, string Text);

public interface ISmsGateway
{
    Task SendAsync(SmsMessage message, CancellationToken ct);
}

/// <param name="MessageId">The notification id, sent as the Message-ID so a repeated send is recognisable.</param>
public sealed record EmailMessage(Guid MessageId, string To, string Subject, string Body);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
