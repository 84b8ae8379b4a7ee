using FluentValidation;
using Marten;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>Validation rules and audit metadata shared by the catalog administration commands.</summary>
public static class CatalogRules
{
    public const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9-]*$";
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    public static IRuleBuilderOptions<T, string> CatalogCode<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(MaxCodeLength).Matches(CodePattern).WithMessage("Use letters, digits and '-' only.");

    /// <summary>
    /// Catalog events keep their shipped shape, so who made a change travels as event metadata: every event the
    /// session appends carries the admin's subject and role in its headers.
    /// </summary>
    public static void RecordActor(IDocumentSession session, Actor actor) => session.SetHeader("actor", actor);

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
