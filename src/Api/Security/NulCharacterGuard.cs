using System.Text.Json;

namespace MyGovernment.Api.Security;

/// <summary>
/// PostgreSQL text and jsonb can never hold U+0000, so a NUL in a query value or in a JSON string (written "\u0000")
/// would only surface as a database error, a 500, deep inside a command or query. No field of ours can mean one: it is
/// refused here with 400 <c>nul_character_refused</c> before any endpoint runs. Runs after <see cref="CardDataGuard"/>,
/// which has already read JSON bodies (<see cref="BufferedJsonBody"/>), so the body is scanned in memory and only parsed
/// when the escape appears.
/// </summary>
public sealed class NulCharacterGuard(RequestDelegate next)
{
    private static readonly byte[] Escape = "\\u0000"u8.ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }
        foreach (var (name, values) in request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            {
                await RefuseAsync(context, $"The query parameter '{name.Replace("\0", "", StringComparison.Ordinal)}' contains a NUL character (U+0000).");
                return;
            }
        }
        // Every JSON body with content reaches here read in full by the card-data guard, which runs first.
        if (context.Features.Get<BufferedJsonBody>()?.Bytes is { } body && ContainsNul(body))
        {
            await RefuseAsync(context, "The JSON body contains a NUL character (\\u0000) in a string or property name.");
            return;
        }
        await next(context);
    }

    /// <summary>True when a string or property name of the JSON holds U+0000. Malformed JSON is left to the endpoint (400).</summary>
    public static bool ContainsNul(ReadOnlySpan<byte> json)
    {
        // A raw NUL byte is not valid JSON at all; an escaped one always contains this text (or "\\u0000", a backslash
        // followed by "u0000", which the reader tells apart).
        if (json.IndexOf(Escape) < 0)
        {
            return false;
        }
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                    && reader.ValueIsEscaped
                    && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
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

    private static Task RefuseAsync(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Results.Problem(statusCode: 400, title: "Bad request", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = "nul_character_refused" }).ExecuteAsync(context);
    }
}
