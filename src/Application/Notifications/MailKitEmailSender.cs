using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MyGovernment.Application.Notifications;

/// <summary>Email over SMTP with MailKit, or, in development, an .eml file per message in a pickup directory.</summary>
public sealed class MailKitEmailSender(IOptions<NotificationOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var email = options.Value.Email;
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.Body },
            // The notification id: a resent copy carries the same Message-ID, which mail systems recognise.
            MessageId = $"{message.MessageId:N}@notifications.mygov.ps",
        };
        mime.From.Add(MailboxAddress.Parse(email.From));
        mime.To.Add(MailboxAddress.Parse(message.To));

        if (!string.IsNullOrWhiteSpace(email.PickupDirectory))
        {
            Directory.CreateDirectory(email.PickupDirectory);
            await mime.WriteToAsync(Path.Combine(email.PickupDirectory, $"{message.MessageId:N}.eml"), ct);
            return;
        }
        try
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(email.SmtpHost!, email.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, ct);
            await smtp.SendAsync(mime, ct);
            await smtp.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or CommandException or ProtocolException)
        {
            throw new NotificationChannelException("The mail server did not accept the message.", e);
        }
    }
}
