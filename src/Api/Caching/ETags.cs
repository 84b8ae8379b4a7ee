using Microsoft.Net.Http.Headers;

namespace MyGovernment.Api.Caching;

/// <summary>
/// Details carry their stream version as a strong ETag; a client that already holds that version gets 304 instead
/// of the body. If-None-Match is compared the way RFC 9110 §13.1.2 says: a list of tags, weak comparison, or "*".
/// </summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>Sets the ETag and answers whether the client's If-None-Match already names it.</summary>
    public static bool NotModified(HttpRequest request, HttpResponse response, long version)
    {
        var etag = For(version);
        response.Headers.ETag = etag;
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags))
        {
            return false;
        }
        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
