using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// An admin adopts a new fee schedule version for a paid service. The domain numbers it (previous + 1); it takes
/// effect from a Palestinian local date, never in the past, so fees already assessed keep their version.
/// </summary>
public sealed record AdoptFeeSchedule([property: NotPersonal] string ServiceCode, DateOnly EffectiveFrom, IReadOnlyList<FeeLine> Lines, Actor AdoptedBy) : LogSafeMessage
{
    public const int MaxLines = 10;

    public sealed class Validator : AbstractValidator<AdoptFeeSchedule>
    {
        public Validator()
        {
            RuleFor(c => c.ServiceCode).CatalogCode();
            RuleFor(c => c.EffectiveFrom).NotEmpty();
            RuleFor(c => c.Lines).NotEmpty().WithMessage("At least one fee line.")
                .Must(l => l.Count <= MaxLines).WithMessage($"At most {MaxLines} fee lines.")
                .Must(l => l.Where(x => x?.Amount is not null).Select(x => x.Amount.Currency).Distinct(StringComparer.Ordinal).Count() <= 1)
                .WithMessage("All fee lines of a schedule are in one currency.")
                .Must(l => l.Where(x => x is not null).GroupBy(x => x.Code, StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
                .WithMessage("Fee line codes must be unique.");
            RuleForEach(c => c.Lines).NotNull().SetValidator(new LineValidator());
            RuleFor(c => c.AdoptedBy).NotNull().SetValidator(new CatalogRules.ActorValidator());
        }
    }

    private sealed class LineValidator : AbstractValidator<FeeLine>
    {
        public LineValidator()
        {
            RuleFor(l => l.Code).CatalogCode();
            RuleFor(l => l.Name).NotNull().SetValidator(new CatalogRules.LocalizedTextValidator());
            RuleFor(l => l.Amount).NotNull();
            RuleFor(l => l.Amount.Amount).GreaterThan(0m).LessThanOrEqualTo(1_000_000m).PrecisionScale(12, 2, ignoreTrailingZeros: true)
                .When(l => l.Amount is not null).OverridePropertyName("Amount.Amount");
            RuleFor(l => l.Amount.Currency).Must(c => c is not null && CatalogDecisions.Currencies.Contains(c))
                .WithMessage("Currency must be ILS, JOD or USD.")
                .When(l => l.Amount is not null).OverridePropertyName("Amount.Currency");
        }
    }
}

public sealed record FeeScheduleAdoptedResponse(string ServiceCode, int Version, DateOnly EffectiveFrom, Money Total);

public static class AdoptFeeScheduleHandler
{
    public static Task<IEventStream<Service>> LoadAsync(AdoptFeeSchedule command, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForWriting<Service>(CatalogIds.Service(command.ServiceCode), ct);

    public static FeeScheduleAdoptedResponse Handle(AdoptFeeSchedule command, IEventStream<Service> stream, TimeProvider clock)
    {
        var adopted = CatalogDecisions.AdoptFeeSchedule(stream.Aggregate, command.EffectiveFrom, command.Lines, clock.GetUtcNow());
        stream.AppendOne(adopted);
        return new FeeScheduleAdoptedResponse(adopted.ServiceCode, adopted.Schedule.Version, adopted.Schedule.EffectiveFrom, adopted.Schedule.Total());
    }
}
