namespace MyGovernment.Domain.Common;

/// <summary>
/// A business rule refused the command. The API maps it to 422 with <see cref="Code"/> in the problem body,
/// so clients can react to the rule rather than parse a message.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>
    /// Where one code covers several situations (maker-checker on a decision or on a refund), names the situation so
    /// the API can word the problem for it; the code clients branch on stays the same.
    /// </summary>
    public string? Context { get; init; }
}

/// <summary>A referenced object does not exist (or is not visible to the caller): mapped to 404.</summary>
public sealed class NotFoundException(string code, string message) : DomainException(code, message);

/// <summary>
/// Input that is well-formed JSON but invalid against data only the domain knows (e.g. the form fields a
/// service defines). Mapped to 400 with field errors, like any other validation failure. The domain is
/// bilingual, so it may give the messages in Arabic too; the API picks the language the caller asked for.
/// </summary>
public sealed class FieldValidationException(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, string[]>? arabicErrors = null)
    : DomainException("validation_failed", "One or more fields are invalid.")
{
    /// <summary>The messages in English, by field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The same messages in Arabic where the domain has them; otherwise the English ones.</summary>
    public IReadOnlyDictionary<string, string[]> ArabicErrors { get; } = arabicErrors ?? errors;
}
