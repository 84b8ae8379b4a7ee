using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Catalog;

public sealed record LocalizedText(string Ar, string En);

public enum FieldType
{
    Text,
    Number,
    Date,
    NationalId,
    Boolean,
}

public sealed record FormField(string Name, FieldType Type, bool Required, LocalizedText Label, int MaxLength = 500);

public sealed record RequiredDocument(string Code, LocalizedText Name, bool IssuedByGovernment);

/// <summary>One step of a service's workflow, owned by one department.</summary>
public sealed record WorkflowStep(string DepartmentCode, LocalizedText Name);

public sealed record FeeLine(string Code, LocalizedText Name, Money Amount);

public sealed record FeeSchedule(int Version, DateOnly EffectiveFrom, IReadOnlyList<FeeLine> Lines)
{
    /// <summary>Total of the fee lines; all lines of a schedule share one currency.</summary>
    public Money Total() => Lines.Aggregate(Money.Zero(Lines.Count > 0 ? Lines[0].Amount.Currency : Money.Shekel), (sum, line) => sum.Add(line.Amount));
}

public sealed record PublicHoliday(DateOnly Date, LocalizedText Name);

public enum ServiceStatus
{
    Draft,
    Published,
    Retired,
}
