using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace MyGovernment.Api.Errors;

/// <summary>
/// A body that is not JSON, or not JSON of the endpoint's shape, is answered as <c>invalid_json</c> with where it
/// broke as members (<c>line</c> and <c>column</c>, both counted from 1, and the JSON <c>path</c>) that the catalogue's
/// detail names in either language. The parser's own message never reaches the client: it is English only and
/// speaks of the parser ("…when isFinalBlock is true…"), not of the request.
/// </summary>
public static partial class InvalidJsonProblem
{
    public const string Code = "invalid_json";

    /// <summary>The catalogue's wording for an empty body.</summary>
    public const string Empty = "empty";

    /// <summary>The catalogue's wording for well-formed JSON with a value of the wrong type for its field.</summary>
    public const string WrongType = "wrong_type";

    /// <summary>A problem for a parser failure our own code met (minimal API bodies, or a JsonException thrown inside a handler).</summary>
    public static ProblemDetails From(JsonException json)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Extensions = { ["code"] = Code } };
        Describe(problem, json.LineNumber, json.BytePositionInLine, json.Path);
        return problem;
    }

    /// <summary>
    /// Wolverine answers a body it cannot read with its own 400 (members <c>lineNumber</c> and <c>bytePositionInLine</c>,
    /// both from 0, and the parser's message as the detail). Recognises it and rewrites it into our shape.
    /// </summary>
    public static bool TryRewriteWolverines(ProblemDetails problem, out string? situation)
    {
        situation = null;
        var members = problem.Extensions;
        if (problem.Status != StatusCodes.Status400BadRequest || members.ContainsKey("code")
            || !members.TryGetValue("lineNumber", out var line) || !members.TryGetValue("bytePositionInLine", out var position))
        {
            return false;
        }
        var parserMessage = problem.Detail ?? "";
        var path = ParserPath().Match(parserMessage) is { Success: true } match ? match.Groups["path"].Value : null;
        members.Remove("lineNumber");
        members.Remove("bytePositionInLine");
        members["code"] = Code;
        problem.Detail = null;
        Describe(problem, ToLong(line), ToLong(position), path);
        situation = SituationOf(parserMessage);
        return true;
    }

    /// <summary>Which of the catalogue's <c>invalid_json</c> wordings fits the parser's message; null for broken syntax.</summary>
    public static string? SituationOf(string parserMessage) =>
        parserMessage.Contains("does not contain any JSON tokens", StringComparison.Ordinal) ? Empty
        : parserMessage.Contains("could not be converted", StringComparison.Ordinal) ? WrongType
        : null;

    private static void Describe(ProblemDetails problem, long? line, long? position, string? path)
    {
        problem.Extensions["line"] = (line ?? 0) + 1;
        problem.Extensions["column"] = (position ?? 0) + 1;
        problem.Extensions["path"] = string.IsNullOrEmpty(path) ? "$" : path;
    }

    private static long? ToLong(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Number } element => element.GetInt64(),
        IConvertible convertible => convertible.ToInt64(CultureInfo.InvariantCulture),
        _ => null,
    };

    // System.Text.Json ends its messages with "Path: $.a.b | LineNumber: 0 | BytePositionInLine: 17."
    [GeneratedRegex(@"Path: (?<path>\S+) \|")]
    private static partial Regex ParserPath();
}
