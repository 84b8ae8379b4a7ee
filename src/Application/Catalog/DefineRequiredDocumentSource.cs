using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>An admin says which issued document may be referenced for a required document, and how long it stays valid.</summary>
public sealed record DefineRequiredDocumentSource(
    [property: NotPersonal] string ServiceCode, [property: NotPersonal] string DocumentCode, [property: NotPersonal] string IssuingServiceCode,
    int ValidityDays, [property: NotPersonal] string? HolderField, Actor DefinedBy) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<DefineRequiredDocumentSource>
    {
        public Validator()
        {
            RuleFor(c => c.ServiceCode).CatalogCode();
            RuleFor(c => c.DocumentCode).CatalogCode();
            RuleFor(c => c.IssuingServiceCode).CatalogCode();
            RuleFor(c => c.ValidityDays).InclusiveBetween(1, DocumentSourceDecisions.MaxValidityDays);
            RuleFor(c => c.HolderField).MaximumLength(60);
            RuleFor(c => c.DefinedBy).NotNull().SetValidator(new CatalogRules.ActorValidator());
        }
    }
}

public sealed record RequiredDocumentSourceResponse(string ServiceCode, string DocumentCode, string IssuingServiceCode, int ValidityDays, string? HolderField);

public static class DefineRequiredDocumentSourceHandler
{
    public static async Task<(IEventStream<Service>, Service?)> LoadAsync(DefineRequiredDocumentSource command, IDocumentSession session, CancellationToken ct) =>
        (await session.Events.FetchForWriting<Service>(CatalogIds.Service(command.ServiceCode), ct),
         await session.Events.FetchLatest<Service>(CatalogIds.Service(command.IssuingServiceCode), ct));

    public static RequiredDocumentSourceResponse Handle(DefineRequiredDocumentSource command, IEventStream<Service> stream, Service? issuing)
    {
        var defined = DocumentSourceDecisions.Define(stream.Aggregate, command.DocumentCode, issuing, command.ValidityDays, command.HolderField);
        stream.AppendOne(defined);
        return new RequiredDocumentSourceResponse(defined.ServiceCode, defined.DocumentCode, defined.IssuingServiceCode, defined.ValidityDays, defined.HolderField);
    }
}
