using System.Globalization;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Catalog;

/// <summary>
/// Checks submitted form data against a service's field definitions and returns it normalised
/// (trimmed, dates as yyyy-MM-dd, numbers in invariant culture), so stored events are comparable.
/// </summary>
public static class FormValidation
{
    public static IReadOnlyDictionary<string, string> Normalise(
        IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string?> form)
    {
        var errors = new Dictionary<string, string[]>();
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var known = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

        foreach (var name in form.Keys.Where(k => !known.ContainsKey(k)))
        {
            errors[$"form.{name}"] = ["This service has no such field."];
        }

        foreach (var field in fields)
        {
            var raw = form.TryGetValue(field.Name, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(raw))
            {
                if (field.Required)
                {
                    errors[$"form.{field.Name}"] = [$"'{field.Label.En}' is required."];
                }
                continue;
            }
            var (ok, normalised, message) = Check(field, raw);
            if (ok)
            {
                result[field.Name] = normalised;
            }
            else
            {
                errors[$"form.{field.Name}"] = [message];
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
        return result;
    }

    private static (bool Ok, string Value, string Message) Check(FormField field, string raw)
    {
        if (raw.Length > field.MaxLength)
        {
            return (false, raw, $"'{field.Label.En}' must be at most {field.MaxLength} characters.");
        }
        return field.Type switch
        {
            FieldType.Text => (true, raw, ""),
            FieldType.Number => decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? (true, n.ToString(CultureInfo.InvariantCulture), "")
                : (false, raw, $"'{field.Label.En}' must be a number."),
            FieldType.Date => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? (true, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "")
                : (false, raw, $"'{field.Label.En}' must be a date (yyyy-MM-dd)."),
            FieldType.NationalId => NationalId.IsValid(raw)
                ? (true, raw, "")
                : (false, raw, $"'{field.Label.En}' must be a valid 9-digit national ID."),
            FieldType.Boolean => bool.TryParse(raw, out var b)
                ? (true, b ? "true" : "false", "")
                : (false, raw, $"'{field.Label.En}' must be true or false."),
            _ => (false, raw, "Unsupported field type."),
        };
    }
}
