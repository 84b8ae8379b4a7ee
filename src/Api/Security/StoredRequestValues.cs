using MyGovernment.Api.Idempotency;

namespace MyGovernment.Api.Security;

/// <summary>
/// The parts of a request besides its body that we store or log: route values (path segments: an id, a code, a
/// file's name), query names and values (a document's <c>fileName</c>, search terms) and the stored
/// <c>Idempotency-Key</c> header. <see cref="CardDataGuard"/> checks every one of them, not only JSON bodies.
/// </summary>
public static class StoredRequestValues
{
    public static IEnumerable<string> Of(HttpRequest request)
    {
        // PathString is already unescaped, so "%34%31…" is seen as the digits it spells.
        foreach (var segment in (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return segment;
        }
        foreach (var (name, values) in request.Query)
        {
            yield return name;
            foreach (var value in values)
            {
                if (value is not null)
                {
                    yield return value;
                }
            }
        }
        foreach (var value in request.Headers[IdempotencyKeyMiddleware.Header])
        {
            if (value is not null)
            {
                yield return value;
            }
        }
    }
}
