using System.Buffers;
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
        if (StoredRequestValues.Of(request).Any(CardNumbers.IsCardNumber))
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
        if (CardNumbers.ContainsCardNumber(body))
        {
            await RefuseCardAsync(context);
            return;
        }
        context.Features.Set(new BufferedJsonBody(body));
        await next(context);
    }

    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken ct)
    {
        // Read into one pooled chunk; a body larger than the chunk spills into a growing stream. Most commands fit,
        // and then the only array made is the body's own (issue 16: the stream's doubling buffers were per command).
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        MemoryStream? spill = null;
        try
        {
            var used = 0;
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(used), ct)) > 0)
            {
                used += read;
                if ((spill?.Length ?? 0) + used > MaxInspectedBytes)
                {
                    return null;
                }
                if (used == chunk.Length)
                {
                    spill ??= new MemoryStream();
                    spill.Write(chunk, 0, used);
                    used = 0;
                }
            }
            if (spill is null)
            {
                return chunk.AsSpan(0, used).ToArray();
            }
            spill.Write(chunk, 0, used);
            return spill.ToArray();
        }
        finally
        {
            spill?.Dispose();
            ArrayPool<byte>.Shared.Return(chunk);
        }
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
