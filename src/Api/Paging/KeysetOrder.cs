using System.Globalization;
using System.Text;
using FluentValidation;
using FluentValidation.Results;
using Marten;
using MyGovernment.Projections;

namespace MyGovernment.Api.Paging;

/// <summary>
/// One order a list can be read in: its public name (the <c>sort</c> value), the row's key and id, the SQL ordering
/// (key, then id, in one direction) and the SQL predicate "strictly after this key and id" in that direction.
/// </summary>
public sealed record KeysetOrder<T>(
    string Name,
    Func<T, DateTimeOffset> Key,
    Func<T, Guid> Id,
    Func<IQueryable<T>, IQueryable<T>> Sort,
    Func<IQueryable<T>, DateTimeOffset, Guid, IQueryable<T>> After)
    where T : notnull;

/// <summary>
/// Keyset paging done by the database: rows ordered by (key, id), the next page starts strictly after the last row's
/// (key, id), so pages neither skip nor repeat rows however many share a timestamp, and no OFFSET is ever scanned.
/// </summary>
public static class KeysetPaging
{
    /// <summary>The order named by <paramref name="sort"/>, the first one when none is named; any other value is a 400.</summary>
    public static KeysetOrder<T> Choose<T>(IReadOnlyList<KeysetOrder<T>> orders, string? sort)
        where T : notnull
    {
        if (string.IsNullOrEmpty(sort))
        {
            return orders[0];
        }
        return orders.FirstOrDefault(o => o.Name == sort)
            ?? throw new ValidationException([new ValidationFailure("sort", $"'sort' must be one of: {string.Join(", ", orders.Select(o => o.Name))}.")]);
    }

    public static async Task<Page<TOut>> PageAsync<T, TOut>(
        IQueryable<T> query, KeysetOrder<T> order, string? after, int? limit, Func<T, TOut> map, CancellationToken ct)
        where T : notnull
    {
        var size = Keyset.Limit(limit);
        if (Decode(order.Name, after) is { } cursor)
        {
            query = order.After(query, cursor.Key, cursor.Id);
        }
        var rows = await order.Sort(query).Take(size + 1).ToListAsync(ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? Encode(order.Name, order.Key(page[^1]), order.Id(page[^1])) : null;
        return new Page<TOut>([.. page.Select(map)], next);
    }

    /// <summary>
    /// The cursor names its order, so a cursor from one order is refused by another (400), never misread. It carries
    /// the key as PostgreSQL compares it (<see cref="StoredTime"/>), so "equal key" in SQL really is the cursor's row
    /// and its ties.
    /// </summary>
    public static string Encode(string order, DateTimeOffset key, Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $"{order}|{StoredTime.Of(key).UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id:N}"));

    public static (DateTimeOffset Key, Guid Id)? Decode(string order, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
        }
        catch (FormatException)
        {
            throw NotOurs();
        }
        if (parts.Length != 3
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            throw NotOurs();
        }
        if (parts[0] != order)
        {
            throw new ValidationException([new ValidationFailure("after", $"'after' is a cursor of another sort order than '{order}'.")]);
        }
        return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }

    private static ValidationException NotOurs() =>
        new([new ValidationFailure("after", "'after' is not a cursor this API returned.")]);
}
