using FluentValidation;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using Wolverine.Marten;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// An admin defines a new service, as a draft: citizens see it once it is published. A code already defined is a
/// 409 (stream id collision). Departments must be registered (400 with the offending field otherwise).
/// </summary>
public sealed record DefineService(
    [property: NotPersonal] string Code,
    [property: NotPersonal] string DepartmentCode,
    LocalizedText Name,
    LocalizedText Description,
    IReadOnlyList<FormField> Fields,
    IReadOnlyList<RequiredDocument> RequiredDocuments,
    bool IsPaid,
    IReadOnlyList<WorkflowStep> Workflow,
    bool RequiresSecondApprover,
    int SlaWorkingDays,
    Actor DefinedBy) : LogSafeMessage
{
    public const int MaxFields = 50;
    public const int MaxDocuments = 20;
    public const int MaxSteps = 10;
    public const int MaxSlaWorkingDays = 365;

    public sealed class Validator : AbstractValidator<DefineService>
    {
        public Validator()
        {
            RuleFor(c => c.Code).CatalogCode();
            RuleFor(c => c.DepartmentCode).CatalogCode();
            RuleFor(c => c.Name).NotNull().SetValidator(new CatalogRules.LocalizedTextValidator());
            RuleFor(c => c.Description).NotNull().SetValidator(new CatalogRules.LocalizedTextValidator(CatalogRules.MaxDescriptionLength));
            RuleFor(c => c.Fields).NotNull().Must(f => f.Count <= MaxFields).WithMessage($"At most {MaxFields} fields.")
                .Must(UniqueBy<FormField>(f => f.Name)).WithMessage("Field names must be unique.");
            RuleForEach(c => c.Fields).NotNull().SetValidator(new FieldValidator());
            RuleFor(c => c.RequiredDocuments).NotNull().Must(d => d.Count <= MaxDocuments).WithMessage($"At most {MaxDocuments} documents.")
                .Must(UniqueBy<RequiredDocument>(d => d.Code)).WithMessage("Document codes must be unique.");
            RuleForEach(c => c.RequiredDocuments).NotNull().SetValidator(new DocumentValidator());
            RuleFor(c => c.Workflow).NotEmpty().WithMessage("At least one workflow step.")
                .Must(w => w.Count <= MaxSteps).WithMessage($"At most {MaxSteps} workflow steps.");
            RuleForEach(c => c.Workflow).NotNull().SetValidator(new StepValidator());
            RuleFor(c => c.SlaWorkingDays).InclusiveBetween(1, MaxSlaWorkingDays);
            RuleFor(c => c.DefinedBy).NotNull().SetValidator(new CatalogRules.ActorValidator());
        }

        private static Func<IReadOnlyList<T>, bool> UniqueBy<T>(Func<T, string?> key) where T : class =>
            items => items is null || items.Where(i => i is not null).GroupBy(key, StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1);
    }

    private sealed class FieldValidator : AbstractValidator<FormField>
    {
        public FieldValidator()
        {
            RuleFor(f => f.Name).NotEmpty().MaximumLength(60).Matches("^[a-z][A-Za-z0-9]*$").WithMessage("Use a camelCase identifier.");
            RuleFor(f => f.Type).IsInEnum();
            RuleFor(f => f.Label).NotNull().SetValidator(new CatalogRules.LocalizedTextValidator());
            RuleFor(f => f.MaxLength).InclusiveBetween(1, 4000);
        }
    }

    private sealed class DocumentValidator : AbstractValidator<RequiredDocument>
    {
        public DocumentValidator()
        {
            RuleFor(d => d.Code).CatalogCode();
            RuleFor(d => d.Name).NotNull().SetValidator(new CatalogRules.LocalizedTextValidator());
        }
    }

    private sealed class StepValidator : AbstractValidator<WorkflowStep>
    {
        public StepValidator()
        {
            RuleFor(s => s.DepartmentCode).CatalogCode();
            RuleFor(s => s.Name).NotNull().SetValidator(new CatalogRules.LocalizedTextValidator());
        }
    }
}

public sealed record ServiceChangedResponse(string Code, ServiceStatus Status);

public static class DefineServiceHandler
{
    /// <summary>Which of the departments the definition names are registered (each a stream of its own).</summary>
    public static async Task<IReadOnlySet<string>> LoadAsync(DefineService command, IDocumentSession session, CancellationToken ct)
    {
        var registered = new HashSet<string>(StringComparer.Ordinal);
        // Wolverine runs LoadAsync before the validation middleware: tolerate the nulls the validator refuses.
        var named = (command.Workflow ?? []).Select(s => s?.DepartmentCode).Append(command.DepartmentCode)
            .OfType<string>().Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length is > 0 and <= CatalogRules.MaxCodeLength)
            .Distinct(StringComparer.Ordinal).Take(DefineService.MaxSteps + 1);
        foreach (var code in named)
        {
            if (await session.Events.FetchStreamStateAsync(CatalogIds.Department(code), ct) is not null)
            {
                registered.Add(code);
            }
        }
        return registered;
    }

    public static (ServiceChangedResponse, IStartStream) Handle(DefineService command, IReadOnlySet<string> registeredDepartments)
    {
        var defined = CatalogDecisions.DefineService(
            new ServiceDefined(command.Code, command.DepartmentCode, command.Name, command.Description, command.Fields,
                command.RequiredDocuments, command.IsPaid, command.Workflow, command.RequiresSecondApprover, command.SlaWorkingDays),
            registeredDepartments);
        return (new ServiceChangedResponse(defined.Code, ServiceStatus.Draft),
            MartenOps.StartStream<Service>(CatalogIds.Service(defined.Code), defined));
    }
}
