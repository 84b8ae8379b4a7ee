using System.Globalization;
using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Catalog;

/// <summary>
/// Checks submitted form data against a service's field definitions and returns it normalised
/// (trimmed, dates as yyyy-MM-dd, numbers in invariant culture), so stored events are comparable.
/// Messages name the field by its label and come in both languages (the API answers in the caller's).
/// </summary>
public static class FormValidation
{
    public static IReadOnlyDictionary<string, string> Normalise(
        IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string?> form)
    {
        var errors = new Dictionary<string, LocalizedText>();
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var known = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

        foreach (var name in form.Keys.Where(k => !known.ContainsKey(k)))
        {
            errors[$"form.{name}"] = new("لا يوجد في هذه الخدمة حقل بهذا الاسم.", "This service has no such field.");
        }

        foreach (var field in fields)
        {
            var raw = form.TryGetValue(field.Name, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(raw))
            {
                if (field.Required)
                {
                    errors[$"form.{field.Name}"] = new($"الحقل '{field.Label.Ar}' مطلوب.", $"'{field.Label.En}' is required.");
                }
                continue;
            }
            // Digits are read the same in every script, so numbers, dates and IDs are stored in ASCII; free text is kept as typed.
            var (ok, normalised, message) = Check(field, field.Type == FieldType.Text ? raw : Digits.ToAscii(raw));
            if (ok)
            {
                result[field.Name] = normalised;
            }
            else
            {
                errors[$"form.{field.Name}"] = message!;
            }
        }

        if (errors.Count > 0)
        {
            throw new FieldValidationException(
                errors.ToDictionary(e => e.Key, e => new[] { e.Value.En }),
                errors.ToDictionary(e => e.Key, e => new[] { e.Value.Ar }));
        }
        return result;
    }

    private static (bool Ok, string Value, LocalizedText? Message) Check(FormField field, string raw)
    {
        var (ar, en) = (field.Label.Ar, field.Label.En);
        if (raw.Length > field.MaxLength)
        {
            return (false, raw, new($"يجب ألا يزيد '{ar}' على {field.MaxLength} حرفاً.", $"'{en}' must be at most {field.MaxLength} characters."));
        }
        return field.Type switch
        {
            FieldType.Text => (true, raw, null),
            FieldType.Number => decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? (true, n.ToString(CultureInfo.InvariantCulture), null)
                : (false, raw, new($"يجب أن يكون '{ar}' رقماً.", $"'{en}' must be a number.")),
            FieldType.Date => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? (true, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                : (false, raw, new($"يجب أن يكون '{ar}' تاريخاً بالصيغة yyyy-MM-dd.", $"'{en}' must be a date (yyyy-MM-dd).")),
            FieldType.NationalId => NationalId.IsValid(raw)
                ? (true, raw, null)
                : (false, raw, new($"يجب أن يكون '{ar}' رقم هوية صحيحاً من 9 أرقام.", $"'{en}' must be a valid 9-digit national ID.")),
            FieldType.Boolean => bool.TryParse(raw, out var b)
                ? (true, b ? "true" : "false", null)
                : (false, raw, new($"يجب أن تكون قيمة '{ar}' true أو false.", $"'{en}' must be true or false.")),
            _ => (false, raw, new("نوع الحقل غير مدعوم.", "Unsupported field type.")),
        };
    }
}
