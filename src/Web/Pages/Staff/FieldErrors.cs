using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>The engine's messages for one field, written under its input and tied to it with aria-describedby.</summary>
public static class FieldErrors
{
    public static string IdFor(string form, string field) => $"{form}-{field}-error";

    public static bool Has(ModelStateDictionary state, string field) => Messages(state, field).Any();

    // The engine names fields in camelCase; a bound property of the same name may have put its own casing in first.
    private static IEnumerable<string> Messages(ModelStateDictionary state, string field) => state
        .Where(entry => string.Equals(entry.Key, field, StringComparison.OrdinalIgnoreCase))
        .SelectMany(entry => entry.Value?.Errors.Select(e => e.ErrorMessage) ?? []);

    public static IHtmlContent For(ModelStateDictionary state, string form, string field)
    {
        if (!Has(state, field))
        {
            return HtmlString.Empty;
        }
        var messages = string.Join(" ", Messages(state, field).Select(HtmlEncoder.Default.Encode));
        return new HtmlString($"<p class=\"field-error\" id=\"{IdFor(form, field)}\">{messages}</p>");
    }

    /// <summary>The input's aria-describedby when the engine refused its value (Razor leaves a null attribute out).</summary>
    public static string? DescribedBy(ModelStateDictionary state, string form, string field) =>
        Has(state, field) ? IdFor(form, field) : null;

    public static string? Invalid(ModelStateDictionary state, string field) => Has(state, field) ? "true" : null;
}
