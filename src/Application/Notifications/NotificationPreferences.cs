namespace MyGovernment.Application.Notifications;

public static class NotificationLanguage
{
    public const string Default = "ar";

    public static readonly IReadOnlyList<string> Supported = ["ar", "en"];
}

/// <summary>
/// How a person wants to be told, keyed like a notification's recipient. Phone and email are the only personal data
/// the channels need; without them the inbox alone is used.
/// </summary>
public sealed class NotificationPreferences
{
    public string Id { get; set; } = "";

    public string Language { get; set; } = NotificationLanguage.Default;

    public string? Phone { get; set; }

    public string? Email { get; set; }
}
