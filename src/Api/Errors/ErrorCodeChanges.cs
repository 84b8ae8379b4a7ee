namespace MyGovernment.Api.Errors;

/// <summary>A code renamed or given a narrower meaning: what clients that branched on the old one must change.</summary>
public sealed record ErrorCodeChange(string Date, string Old, string New, string Note);

/// <summary>The changelog of the catalogue, printed at the end of docs/errors.md. Append; never rewrite an entry.</summary>
public static class ErrorCodeChanges
{
    public static IReadOnlyList<ErrorCodeChange> All { get; } =
    [
        new("2026-12-04", "not-sealed", "not_sealed", "Codes are snake_case."),
        new("2026-12-04", "tree-too-large", "tree_too_large", "Codes are snake_case."),
        new("2026-12-04", "bad-tree-sizes", "bad_tree_sizes", "Codes are snake_case."),
        new("2026-12-04", "bad-version", "bad_version", "Codes are snake_case."),
        new("2026-12-04", "stream-not-found", "stream_not_found", "Codes are snake_case."),
        new("2026-12-04", "unknown-projection", "unknown_projection", "Codes are snake_case."),
        new("2026-12-04", "provider_unavailable", "payment_provider_unavailable",
            "One code for an unreachable payment provider (reconciliation used the other)."),
        new("2026-12-04", "not_found", "request_not_found",
            "Reads of a missing or foreign service request said not_found while commands said request_not_found; both say request_not_found. not_found now means only: nothing at this address."),
        new("2026-12-04", "not_found", "service_not_found, department_not_found, roster_not_found, issued_document_not_found",
            "Reads of a missing service, department (its queue, workload) or roster, and document verification, name what is missing."),
        new("2026-12-04", "(every code)", "(same code)",
            "type is /errors/{code} (served by the API) instead of https://httpstatuses.com/… or RFC links; titles come from the catalogue, per code."),
        new("2026-12-04", "bad_request", "invalid_json",
            "A body that is not JSON, is empty, or has a value of the wrong type is invalid_json with line, column and path members (lineNumber and bytePositionInLine are gone)."),
    ];
}
