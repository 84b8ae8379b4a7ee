using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>An admin retires a service for good, with a reason. Retiring a retired service changes nothing.</summary>
public sealed record RetireService([property: NotPersonal] string ServiceCode, string Reason, Actor RetiredBy) : LogSafeMessage
{
    public const int MaxReasonLength = 500;

    public sealed class Validator : AbstractValidator<RetireService>
    {
        public Validator()
        {
            RuleFor(c => c.ServiceCode).CatalogCode();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(MaxReasonLength);
            RuleFor(c => c.RetiredBy).NotNull().SetValidator(new CatalogRules.ActorValidator());
        }
    }
}

public static class RetireServiceHandler
{
    public static Task<IEventStream<Service>> LoadAsync(RetireService command, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForWriting<Service>(CatalogIds.Service(command.ServiceCode), ct);

    public static ServiceChangedResponse Handle(RetireService command, IEventStream<Service> stream)
    {
        stream.AppendMany(CatalogDecisions.Retire(stream.Aggregate, command.Reason));
        return new ServiceChangedResponse(stream.Aggregate!.Code, ServiceStatus.Retired);
    }
}
