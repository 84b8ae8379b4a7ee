using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Configuration;
using Wolverine.Runtime.Handlers;

namespace MyGovernment.Application.Validation;

/// <summary>
/// Puts a FluentValidation call in front of every Wolverine handler whose message has a registered validator.
/// A failure throws FluentValidation's own <see cref="ValidationException"/>, which the API turns into a
/// 400 problem with field errors; the handler (and so any event append) never runs.
/// </summary>
public sealed class FluentValidationPolicy : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            var validatorType = typeof(IValidator<>).MakeGenericType(chain.MessageType);
            if (!container.HasRegistrationFor(validatorType))
            {
                continue;
            }
            var method = typeof(FluentValidationPolicy).GetMethod(nameof(Validate))!.MakeGenericMethod(chain.MessageType);
            // First in the chain: nothing (not even LoadAsync) runs on a message that failed validation.
            chain.Middleware.Insert(0, new MethodCall(typeof(FluentValidationPolicy), method));
        }
    }

    public static void Validate<T>(IValidator<T> validator, T message)
    {
        var result = validator.Validate(message);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }
    }
}
