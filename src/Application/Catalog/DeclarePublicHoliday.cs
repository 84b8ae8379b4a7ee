using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>An admin declares a public holiday (today or later). Declaring the same holiday again changes nothing.</summary>
public sealed record DeclarePublicHoliday(DateOnly Date, LocalizedText Name, Actor DeclaredBy) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<DeclarePublicHoliday>
    {
        public Validator()
        {
            RuleFor(c => c.Date).NotEmpty();
            RuleFor(c => c.Name).NotNull().SetValidator(new CatalogRules.LocalizedTextValidator());
            RuleFor(c => c.DeclaredBy).NotNull().SetValidator(new CatalogRules.ActorValidator());
        }
    }
}

public sealed record PublicHolidayResponse(DateOnly Date, LocalizedText Name);

public static class DeclarePublicHolidayHandler
{
    public static Task<IEventStream<HolidayCalendar>> LoadAsync(DeclarePublicHoliday command, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForWriting<HolidayCalendar>(CatalogIds.Calendar, ct);

    public static PublicHolidayResponse Handle(DeclarePublicHoliday command, IEventStream<HolidayCalendar> stream, TimeProvider clock)
    {
        var events = CalendarDecisions.DeclareHoliday(stream.Aggregate, command.Date, command.Name, clock.GetUtcNow());
        stream.AppendMany(events);
        var holiday = events.Aggregate(stream.Aggregate, (c, e) => HolidayCalendar.Evolve(c, CatalogIds.Calendar, e))!.On(command.Date)!;
        return new PublicHolidayResponse(holiday.Date, holiday.Name);
    }
}
