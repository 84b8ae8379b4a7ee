namespace MyGovernment.Domain.Common;

/// <summary>
/// A business rule refused the command. The API maps it to 422 with <see cref="Code"/> in the problem body,
/// so clients can react to the rule rather than parse a message.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>A referenced object does not exist (or is not visible to the caller): mapped to 404.</summary>
public sealed class NotFoundException(string code, string message) : DomainException(code, message);

/// <summary>
/// Input that is well-formed JSON but invalid against data only the domain knows (e.g. the form fields a
/// service defines). Mapped to 400 with field errors, like any other validation failure.
/// </summary>
public sealed class FieldValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("validation_failed", "One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
