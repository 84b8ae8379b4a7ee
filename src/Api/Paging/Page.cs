using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;

namespace MyGovernment.Api.Paging;

/// <summary>A page of a list and the opaque cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Keyset paging: the cursor names the last item's sort key and id, so pages stay stable while new rows arrive
/// (no OFFSET, no skipped or repeated rows).
/// </summary>
public static class Keyset
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        < 1 or > MaxLimit => throw new ValidationException([new ValidationFailure("limit", $"'limit' must be between 1 and {MaxLimit}.")]),
        _ => limit.Value,
    };

    public static string Encode(DateTimeOffset key, Guid id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id:N}"));

    public static (DateTimeOffset Key, Guid Id)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
            return (new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new ValidationException([new ValidationFailure("after", "'after' is not a cursor this API returned.")]);
        }
    }

    /// <summary>
    /// Cuts a page from rows fetched with "key at or past the cursor", dropping the rows up to and including the
    /// cursor's own (same key, id not past it); ties on the key are ordered by id.
    /// </summary>
    public static Page<TOut> Cut<TRow, TOut>(
        IReadOnlyList<TRow> rows, (DateTimeOffset Key, Guid Id)? after, int limit, Func<TRow, DateTimeOffset> key, Func<TRow, Guid> id,
        Func<TRow, TOut> map, bool descending)
    {
        var remaining = after is { } cursor
            ? rows.Where(r => key(r) != cursor.Key || (descending ? id(r).CompareTo(cursor.Id) < 0 : id(r).CompareTo(cursor.Id) > 0))
            : rows;
        var ordered = (descending
            ? remaining.OrderByDescending(key).ThenByDescending(id)
            : remaining.OrderBy(key).ThenBy(id)).ToList();
        var page = ordered.Take(limit).ToList();
        var next = ordered.Count > limit ? Encode(key(page[^1]), id(page[^1])) : null;
        return new Page<TOut>([.. page.Select(map)], next);
    }
}
