using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>The engine's messages for one field, written under its input and tied to it with aria-describedby.</summary>
public static class FieldErrors
{
    public static string IdFor(string form, string field) => $"{form}-{field}-error";

    public static bool Has(ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0;

    public static IHtmlContent For(ModelStateDictionary state, string form, string field)
    {
        if (!Has(state, field))
        {
            return HtmlString.Empty;
        }
        var messages = string.Join(" ", state[field]!.Errors.Select(e => HtmlEncoder.Default.Encode(e.ErrorMessage)));
        return new HtmlString($"<p class=\"field-error\" id=\"{IdFor(form, field)}\">{messages}</p>");
    }

    /// <summary>The input's aria-describedby when the engine refused its value (Razor leaves a null attribute out).</summary>
    public static string? DescribedBy(ModelStateDictionary state, string form, string field) =>
        Has(state, field) ? IdFor(form, field) : null;

    public static string? Invalid(ModelStateDictionary state, string field) => Has(state, field) ? "true" : null;
}
