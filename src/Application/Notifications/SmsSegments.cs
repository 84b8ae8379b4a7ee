namespace MyGovernment.Application.Notifications;

/// <summary>
/// How many SMS segments a text takes: GSM-7 (160 characters, 153 per part when split) when every character is in the
/// GSM basic set, else UCS-2 (70, 67 per part), as Arabic always is. Extension-table characters count twice.
/// </summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    public static int Count(string text)
    {
        if (IsGsm7(text))
        {
            var septets = text.Sum(c => Extension.Contains(c) ? 2 : 1);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        // UTF-16 code units, as the gateway encodes them.
        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }
}
