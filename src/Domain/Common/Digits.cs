namespace MyGovernment.Domain.Common;

/// <summary>
/// Arabic-Indic (U+0660–0669), Eastern Arabic-Indic (U+06F0–06F9) and fullwidth (U+FF10–FF19) digits are ordinary
/// input on Arabic keyboards and phones: a number typed with them is the same number. Every check that reads a number
/// (card data, national IDs, amounts, dates) reads it through <see cref="ToAscii"/>, so no other digit form slips past
/// a check or is stored beside its ASCII twin.
/// </summary>
public static class Digits
{
    /// <summary>The digit's value 0–9 in any of the supported scripts, or -1.</summary>
    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        >= '\uFF10' and <= '\uFF19' => c - '\uFF10',
        _ => -1,
    };

    public static bool IsDigit(char c) => ValueOf(c) >= 0;

    /// <summary>The text with every supported digit replaced by its ASCII digit; other characters unchanged.</summary>
    public static string ToAscii(string text)
    {
        if (!text.Any(c => c > '\u007F' && IsDigit(c)))
        {
            return text;
        }
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var value = ValueOf(source[i]);
                span[i] = value >= 0 ? (char)('0' + value) : source[i];
            }
        });
    }

    public static string? ToAsciiOrNull(string? text) => text is null ? null : ToAscii(text);
}
