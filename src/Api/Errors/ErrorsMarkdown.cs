using System.Text;

namespace MyGovernment.Api.Errors;

/// <summary>
/// Renders docs/errors.md from the catalogue, so the page cannot drift from what the API answers.
/// ErrorCatalogueTests fails when the committed page is stale; <c>MYGOV_WRITE_ERRORS_DOC=1 dotnet test --project
/// tests/IntegrationTests -- --filter-class "*ErrorCatalogueTests*"</c> rewrites it.
/// </summary>
public static class ErrorsMarkdown
{
    public static string Render()
    {
        var page = new StringBuilder();
        page.Append("""
            # Error codes

            <!-- Generated from src/Api/Errors (ErrorCatalogue, ErrorCodeChanges) by ErrorsMarkdown. Do not edit by hand:
                 MYGOV_WRITE_ERRORS_DOC=1 dotnet test --project tests/IntegrationTests -- --filter-class "*ErrorCatalogueTests*" -->

            Every failure is answered as `application/problem+json` (RFC 9457) with a stable `code`. Branch on `code`, never
            on `title` or `detail`: those are in Arabic or English by `Accept-Language` (`ar`, `en`; default English). The
            `type` of every problem is `/errors/{code}`, a reference resolved against the API's address: `GET /errors/{code}`
            answers that code's entries in both languages, and `GET /errors` the whole catalogue. For English callers a
            detail may be more precise than the one below (naming the value or the state involved); `invalid_json` adds
            `line`, `column` (both from 1) and `path` (JSON path) saying where the body broke.

            | Code | Status | Title | Detail (English) | Detail (Arabic) |
            |------|--------|-------|------------------|-----------------|

            """);
        var anchored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in ErrorCatalogue.All.OrderBy(e => e.Code, StringComparer.Ordinal).ThenBy(e => e.Status).ThenBy(e => e.Context, StringComparer.Ordinal))
        {
            // One anchor per code, so /errors#code style links from the problem's type land on its first entry.
            var anchor = anchored.Add(entry.Code) ? $"<a id=\"{entry.Code}\"></a>" : "";
            var code = entry.Context is null ? $"`{entry.Code}`" : $"`{entry.Code}` ({entry.Context})";
            page.Append(CultureInvariant($"| {anchor}{code} | {entry.Status} | {Cell(entry.Title.En)} / {Cell(entry.Title.Ar)} | {Cell(entry.Detail.En)} | {Cell(entry.Detail.Ar)} |\n"));
        }
        page.Append("""

            ## Changes

            Codes are a contract: a code is renamed only with an entry here, and clients should treat an unknown code by
            its status.

            | Date | Old code | New code | Note |
            |------|----------|----------|------|

            """);
        foreach (var change in ErrorCodeChanges.All)
        {
            page.Append(CultureInvariant($"| {change.Date} | `{change.Old}` | `{change.New}` | {Cell(change.Note)} |\n"));
        }
        return page.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
