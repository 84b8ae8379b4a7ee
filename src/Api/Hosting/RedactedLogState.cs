using System.Text.RegularExpressions;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// A log entry's structured values with every object other than a plain value (text, number, identifier, time,
/// enum) replaced by its type's name, and its message rendered from the same template with those values. For the
/// entries of refused commands: the command says which operation was refused, and its contents, which a caller
/// chose and which may be a citizen's data, stay out of the log. An entry without a template keeps its text.
/// </summary>
internal sealed partial class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string TemplateKey = "{OriginalFormat}";
    private readonly KeyValuePair<string, object?>[] _values;
    private readonly string _text;

    private RedactedLogState(KeyValuePair<string, object?>[] values, string text)
    {
        _values = values;
        _text = text;
    }

    public static RedactedLogState From<TState>(TState state, Func<TState, Exception?, string> formatter, Exception? exception)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values
            || values.FirstOrDefault(v => v.Key == TemplateKey).Value is not string template)
        {
            return new RedactedLogState([], formatter(state, exception));
        }
        var redacted = values.Select(v => v.Key == TemplateKey ? v : new KeyValuePair<string, object?>(v.Key, Plain(v.Value))).ToArray();
        var text = Placeholder().Replace(template, m =>
            redacted.FirstOrDefault(v => v.Key == m.Groups["name"].Value) is { Key: not null } found ? $"{found.Value}" : m.Value);
        return new RedactedLogState(redacted, text);
    }

    private static object? Plain(object? value) => value switch
    {
        null or string or bool or char or Guid or DateTime or DateTimeOffset or TimeSpan or Enum => value,
        _ when value.GetType().IsPrimitive || value is decimal => value,
        _ => value.GetType().Name,
    };

    /// <summary>A template's hole: <c>{Name}</c>, <c>{Name:format}</c> or <c>{Name,width}</c>; <c>{{</c> is not one.</summary>
    [GeneratedRegex(@"(?<!\{)\{(?<name>[^{}:,]+)(?:[:,][^{}]*)?\}")]
    private static partial Regex Placeholder();

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public int Count => _values.Length;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _text;
}
