using System.Buffers;
using System.Text;
using System.Text.Json;
using MyGovernment.Domain.Common;

namespace MyGovernment.Api.Security;

/// <summary>
/// We never accept card data (card payments happen on the provider's hosted page). Any JSON body sent to /api with a
/// string or number (or property name) that is a Luhn-valid 13–19 digit number, digits possibly grouped by spaces or
/// dashes, is refused with 400 <c>card_data_refused</c> before any endpoint sees it, so it is never stored; the body and
/// the number are never logged. Bodies are inspected up to <see cref="MaxInspectedBytes"/>; larger JSON bodies are
/// refused (413) because they cannot be checked.
/// Binary bodies (document uploads: PDF, JPEG, PNG) are deliberately not scanned. The guard protects what we parse
/// into fields and could put into events and logs; an upload is stored as opaque bytes, never parsed, logged or put
/// into an event (only its hash is), and is served only to those who may read the request. Scanning it would not
/// work either: digit runs inside compressed or image data are noise (false refusals of honest files), and a photo
/// or scan of a card has no digits to find at all. So only JSON is scanned, and the upload endpoint refuses JSON.
/// Besides the body, every other value we store or log (route values, query values such as a document's file name,
/// the Idempotency-Key) is checked the same way (<see cref="StoredRequestValues"/>). Digits count in any script
/// (<see cref="Digits"/>): a card number typed in Arabic-Indic or fullwidth digits is still a card number.
/// </summary>
public sealed class CardDataGuard(RequestDelegate next)
{
    public const int MaxInspectedBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        if (StoredRequestValues.Of(request).Any(IsCardNumber))
        {
            await RefuseCardAsync(context);
            return;
        }
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true
            || request.ContentLength == 0)
        {
            await next(context);
            return;
        }
        if (request.ContentLength > MaxInspectedBytes)
        {
            await RefuseAsync(context, 413, "payload_too_large", "The request body is too large.");
            return;
        }

        request.EnableBuffering(MaxInspectedBytes);
        var body = await ReadAsync(request.Body, context.RequestAborted);
        request.Body.Position = 0;
        if (body is null)
        {
            await RefuseAsync(context, 413, "payload_too_large", "The request body is too large.");
            return;
        }
        if (ContainsCardNumber(body))
        {
            await RefuseCardAsync(context);
            return;
        }
        await next(context);
    }

    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxInspectedBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

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

    private static Task RefuseCardAsync(HttpContext context) =>
        RefuseAsync(context, 400, "card_data_refused", "Card numbers are never accepted here. Pay by card on the payment provider's page.");

    private static Task RefuseAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: status == 400 ? "Card data refused" : "Payload too large", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(context);
    }
}
