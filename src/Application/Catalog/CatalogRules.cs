using FluentValidation;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>Validation rules shared by the catalog administration commands. Who acted travels as event metadata (EventMetadata).</summary>
public static class CatalogRules
{
    public const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9-]*$";
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    public static IRuleBuilderOptions<T, string> CatalogCode<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(MaxCodeLength).Matches(CodePattern).WithMessage("Use letters, digits and '-' only.");

    public sealed class LocalizedTextValidator : AbstractValidator<LocalizedText>
    {
        public LocalizedTextValidator(int maxLength = MaxNameLength)
        {
            RuleFor(t => t.Ar).NotEmpty().MaximumLength(maxLength);
            RuleFor(t => t.En).NotEmpty().MaximumLength(maxLength);
        }
    }

    public sealed class ActorValidator : AbstractValidator<Actor>
    {
        public ActorValidator()
        {
            RuleFor(a => a.Subject).NotEmpty().MaximumLength(100);
            RuleFor(a => a.Role).NotEmpty();
        }
    }
}
