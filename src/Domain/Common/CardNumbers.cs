using System.Text;
using System.Text.Json;

namespace MyGovernment.Domain.Common;

/// <summary>
/// Recognises payment card numbers in text and JSON, so the system can refuse to store them: card payments happen on the
/// provider's hosted page and a card number must never reach an event, a read model or a log.
/// </summary>
public static class CardNumbers
{
    /// <summary>True when any string, number or property name in the JSON is a card number. Malformed JSON is left to the endpoint (400).</summary>
    public static bool ContainsCardNumber(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number
                    && reader.ValueSpan.Length is >= 13 and <= 512
                    && IsCardNumber(reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.GetString()))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }
        return false;
    }

    /// <summary>
    /// 13–19 digits passing the Luhn check, optionally separated by single spaces or dashes, as the whole value or as a
    /// run of digits inside a longer text (a card number pasted into a note).
    /// </summary>
    public static bool IsCardNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        Span<int> digits = stackalloc int[19];
        var i = 0;
        while (i < text.Length)
        {
            if (!Digits.IsDigit(text[i]))
            {
                i++;
                continue;
            }
            // A run: digits, each separated from the next by at most one space or dash.
            var count = 0;
            var j = i;
            var tooLong = false;
            while (j < text.Length)
            {
                if (Digits.IsDigit(text[j]))
                {
                    if (count >= 19)
                    {
                        tooLong = true;
                    }
                    else
                    {
                        digits[count] = Digits.ValueOf(text[j]);
                    }
                    count++;
                    j++;
                }
                else if ((text[j] is ' ' or '-') && j + 1 < text.Length && Digits.IsDigit(text[j + 1]))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }
            // Part of a larger token (a GUID such as "…6c-6905-7712-8535-6451d…", a hex id): not a card number.
            var embedded = TouchesLetter(text, i - 1, -1) || TouchesLetter(text, j, +1);
            // No payment card number starts with 0 (its first digit names the card industry); codes and ids of zeros do.
            if (!tooLong && !embedded && count is >= 13 and <= 19 && digits[0] != 0 && Luhn(digits[..count]))
            {
                return true;
            }
            i = j;
        }
        return false;
    }

    /// <summary>A letter right next to the run, or behind one dash or space next to it.</summary>
    private static bool TouchesLetter(string text, int at, int step)
    {
        if (at < 0 || at >= text.Length)
        {
            return false;
        }
        if (char.IsAsciiLetter(text[at]))
        {
            return true;
        }
        var beyond = at + step;
        return text[at] is '-' && beyond >= 0 && beyond < text.Length && char.IsAsciiLetter(text[beyond]);
    }

    private static bool Luhn(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var k = 0; k < digits.Length; k++)
        {
            var d = digits[digits.Length - 1 - k];
            if (k % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
