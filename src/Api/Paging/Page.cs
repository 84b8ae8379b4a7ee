using FluentValidation;
using FluentValidation.Results;

namespace MyGovernment.Api.Paging;

/// <summary>A page of a list and the opaque cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>The page size every list accepts (DESIGN §10 limits); the paging itself is <see cref="KeysetPaging"/>.</summary>
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
}
