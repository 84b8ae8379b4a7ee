using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Kiota.Abstractions.Serialization;
using MyGovernment.Client.Models;

namespace MyGovernment.Web.Shared;

/// <summary>
/// The engine's validation answer (400 problem+json with "errors": field → messages) into ModelState, keyed by the
/// engine's field names, so <see cref="FieldErrorTagHelper"/> shows each message next to its field. A refusal
/// without field errors (a rule, 409, 422) goes under the empty key, shown at the top of the form.
/// </summary>
public static class EngineErrors
{
    public static void AddTo(ModelStateDictionary modelState, ValidationProblemDetails problem)
    {
        var any = false;
        foreach (var (field, value) in problem.Errors?.AdditionalData ?? new Dictionary<string, object>())
        {
            foreach (var message in Messages(value))
            {
                modelState.AddModelError(field, message);
                any = true;
            }
        }
        if (!any)
        {
            modelState.AddModelError("", problem.Detail ?? problem.Title ?? "");
        }
    }

    public static void AddTo(ModelStateDictionary modelState, ProblemDetails problem) =>
        modelState.AddModelError("", problem.Detail ?? problem.Title ?? "");

    private static IEnumerable<string> Messages(object value) => value switch
    {
        UntypedArray array => array.GetValue().SelectMany(Messages),
        UntypedString text => text.GetValue() is { } s ? [s] : [],
        string s => [s],
        IEnumerable<object> items => items.SelectMany(Messages),
        _ => [value.ToString() ?? ""],
    };
}
