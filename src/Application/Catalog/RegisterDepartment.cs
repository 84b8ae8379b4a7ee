using FluentValidation;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using Wolverine.Marten;

namespace MyGovernment.Application.Catalog;

/// <summary>An admin registers a government department. A code already registered is a 409 (stream id collision).</summary>
public sealed record RegisterDepartment([property: NotPersonal] string Code, LocalizedText Name, Actor RegisteredBy) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<RegisterDepartment>
    {
        public Validator()
        {
            RuleFor(c => c.Code).CatalogCode();
            RuleFor(c => c.Name).NotNull().SetValidator(new CatalogRules.LocalizedTextValidator());
            RuleFor(c => c.RegisteredBy).NotNull().SetValidator(new CatalogRules.ActorValidator());
        }
    }
}

public sealed record DepartmentRegisteredResponse(string Code);

public static class RegisterDepartmentHandler
{
    public static (DepartmentRegisteredResponse, IMartenOp) Handle(RegisterDepartment command)
    {
        var registered = CatalogDecisions.RegisterDepartment(command.Code, command.Name);
        return (new DepartmentRegisteredResponse(registered.Code),
            MartenOps.StartStream(CatalogIds.Department(registered.Code), registered));
    }
}
