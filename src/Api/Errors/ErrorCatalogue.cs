using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace MyGovernment.Api.Errors;

/// <summary>
/// Every <c>code</c> the API can answer, declared once. The API assembles it from three lists: codes of the HTTP
/// pipeline and the framework (<see cref="PipelineErrors"/>), the domain's business rules (<see cref="DomainErrors"/>;
/// the Domain references nothing, so its raise sites keep their precise English message and the catalogue holds the
/// code's wording in both languages), and refusals particular to one area's endpoints (<see cref="EndpointErrors"/>).
/// Each problem's <c>type</c> is <c>/errors/{code}</c>, which the API serves from this catalogue.
/// </summary>
public static partial class ErrorCatalogue
{
    /// <summary>The type of every problem is this base and its code: a stable identifier the API itself resolves.</summary>
    public const string TypeBase = "/errors/";

    public static IReadOnlyList<ErrorEntry> All { get; } =
        [.. PipelineErrors.Entries, .. DomainErrors.Entries, .. EndpointErrors.Entries];

    private static readonly FrozenDictionary<string, ErrorEntry[]> ByCode =
        All.GroupBy(e => e.Code, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public static IEnumerable<string> Codes => All.Select(e => e.Code).Distinct(StringComparer.Ordinal);

    public static bool Contains(string code) => ByCode.ContainsKey(code);

    public static string TypeFor(string code) => TypeBase + code;

    /// <summary>
    /// The entry for a code: the one worded for <paramref name="context"/> if there is one, else the one answered with
    /// <paramref name="status"/> (a code may be a 502 on one route and a 503 on another), else its general entry.
    /// </summary>
    public static ErrorEntry? Find(string code, string? context = null, int? status = null)
    {
        if (!ByCode.TryGetValue(code, out var entries))
        {
            return null;
        }
        return entries.FirstOrDefault(e => context is not null && e.Context == context)
            ?? entries.FirstOrDefault(e => e.Context is null && e.Status == status)
            ?? entries.FirstOrDefault(e => e.Context is null)
            ?? entries[0];
    }

    /// <summary>The code a problem gets when whoever wrote it gave none: the framework's own refusals, by status.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable",
        429 => "rate_limited",
        503 => "unavailable",
        _ => "internal_error",
    };

    /// <summary>A detail with its <c>{member}</c> placeholders filled from the problem's members (left as-is when absent).</summary>
    public static string Fill(string template, IDictionary<string, object?> members) =>
        Placeholder().Replace(template, m => members.TryGetValue(m.Groups[1].Value, out var value) && value is not null
            ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? m.Value
            : m.Value);

    public static IEnumerable<string> Placeholders(string template) => Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
