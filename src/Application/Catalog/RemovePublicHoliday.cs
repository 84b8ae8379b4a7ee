using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>An admin removes a declared public holiday that has not passed yet.</summary>
public sealed record RemovePublicHoliday(DateOnly Date, Actor RemovedBy) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<RemovePublicHoliday>
    {
        public Validator()
        {
            RuleFor(c => c.Date).NotEmpty();
            RuleFor(c => c.RemovedBy).NotNull().SetValidator(new CatalogRules.ActorValidator());
        }
    }
}

public static class RemovePublicHolidayHandler
{
    public static Task<IEventStream<HolidayCalendar>> LoadAsync(RemovePublicHoliday command, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForWriting<HolidayCalendar>(CatalogIds.Calendar, ct);

    public static void Handle(RemovePublicHoliday command, IEventStream<HolidayCalendar> stream, TimeProvider clock)
    {
        stream.AppendMany(CalendarDecisions.RemoveHoliday(stream.Aggregate, command.Date, clock.GetUtcNow()));
    }
}
