using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Kiota.Abstractions;
using MyGovernment.Client.Models;
using MyGovernment.Web.Shared;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>
/// What the engine said when it refused a staff action, in the shape a page shows it: a banner with its title, detail
/// and stable code (already in the reader's language: the portal sends Accept-Language), plus field errors for the form.
/// </summary>
public sealed record ApiRefusal(int Status, string? Code, string? Title, string? Detail, ValidationProblemDetails? Validation)
{
    public static ApiRefusal From(ApiException exception) => exception switch
    {
        ValidationProblemDetails v => new(v.Status ?? v.ResponseStatusCode, v.Code, v.Title, v.Detail, v),
        ProblemDetails p => new(p.Status ?? p.ResponseStatusCode, p.Code, p.Title, p.Detail, null),
        _ => new(exception.ResponseStatusCode, null, null, null, null),
    };

    /// <summary>Runs one call; a refusal comes back as a value so a page can render it instead of failing.</summary>
    public static async Task<(T? Value, ApiRefusal? Refusal)> TryAsync<T>(Func<Task<T?>> call)
    {
        try
        {
            return (await call(), null);
        }
        catch (ApiException exception)
        {
            return (default, From(exception));
        }
    }

    /// <summary>The engine's messages per field, for the inputs they belong to (the banner says the rest).</summary>
    public void AddFieldErrorsTo(ModelStateDictionary state)
    {
        if (Validation is not null)
        {
            EngineErrors.AddTo(state, Validation);
        }
    }
}
