using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>An admin publishes a draft service to the portal. Publishing a published service changes nothing.</summary>
public sealed record PublishService([property: NotPersonal] string ServiceCode, Actor PublishedBy) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<PublishService>
    {
        public Validator()
        {
            RuleFor(c => c.ServiceCode).CatalogCode();
            RuleFor(c => c.PublishedBy).NotNull().SetValidator(new CatalogRules.ActorValidator());
        }
    }
}

public static class PublishServiceHandler
{
    public static Task<IEventStream<Service>> LoadAsync(PublishService command, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForWriting<Service>(CatalogIds.Service(command.ServiceCode), ct);

    public static ServiceChangedResponse Handle(PublishService command, IEventStream<Service> stream, TimeProvider clock)
    {
        stream.AppendMany(CatalogDecisions.Publish(stream.Aggregate, clock.GetUtcNow()));
        return new ServiceChangedResponse(stream.Aggregate!.Code, ServiceStatus.Published);
    }
}
