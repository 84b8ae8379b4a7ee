using System.Globalization;
using FluentValidation;
using FluentValidation.Results;

namespace MyGovernment.Api.Paging;

/// <summary>The day ranges finance queries take: yyyy-MM-dd, inclusive, at most a year, by default the last 30 days.</summary>
public static class DayRange
{
    public const int MaxDays = 366;

    // Bounds that leave room for the arithmetic on a range (the default "to minus 29 days", the exclusive end "to plus
    // one day"): 0001-01-01 or 9999-12-31 would overflow DateOnly there and answer 500 instead of 400.
    private static readonly DateOnly Earliest = new(1900, 1, 1);
    private static readonly DateOnly Latest = new(9999, 12, 1);

    public static bool TryParse(string? value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static (DateOnly From, DateOnly To) Range(string? from, string? to, TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new List<ValidationFailure>();
        var last = Parse(to, "to", today, errors);
        var first = Parse(from, "from", last.AddDays(-29), errors);
        if (errors.Count == 0 && (first > last || last.DayNumber - first.DayNumber >= MaxDays))
        {
            errors.Add(new("from", $"'from' must not be after 'to', and the range at most {MaxDays} days."));
        }
        return errors.Count > 0 ? throw new ValidationException(errors) : (first, last);
    }

    private static DateOnly Parse(string? value, string name, DateOnly fallback, List<ValidationFailure> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }
        if (TryParse(value, out var day) && day >= Earliest && day <= Latest)
        {
            return day;
        }
        errors.Add(new(name, $"'{name}' must be a date as yyyy-MM-dd, from {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}."));
        return fallback;
    }
}
