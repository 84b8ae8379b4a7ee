namespace MyGovernment.Domain.Catalog;

// Catalog events: a stored contract. Never rename or reshape one that shipped; add a new event instead.

public sealed record DepartmentRegistered(string Code, string NameAr, string NameEn);

public sealed record ServiceDefined(
    string Code,
    string DepartmentCode,
    LocalizedText Name,
    LocalizedText Description,
    IReadOnlyList<FormField> Fields,
    IReadOnlyList<RequiredDocument> RequiredDocuments,
    bool IsPaid,
    IReadOnlyList<WorkflowStep> Workflow,
    bool RequiresSecondApprover,
    int SlaWorkingDays);

/// <summary>A new fee schedule version; the one in force on a date is the latest whose EffectiveFrom is not after it.</summary>
public sealed record FeeScheduleAdopted(string ServiceCode, FeeSchedule Schedule);

public sealed record ServicePublished(string ServiceCode);

public sealed record ServiceRetired(string ServiceCode, string Reason);

/// <summary>A public holiday on the working calendar stream (<see cref="CatalogIds.Calendar"/>): no SLA day is counted on it.</summary>
public sealed record PublicHolidayDeclared(DateOnly Date, LocalizedText Name);

public sealed record PublicHolidayRemoved(DateOnly Date);

/// <summary>
/// Tell us once: a required document of <see cref="ServiceCode"/> may be supplied by referencing a document that the
/// service <see cref="IssuingServiceCode"/> issued, at most <see cref="ValidityDays"/> days old. <see cref="HolderField"/>
/// names the form field holding the national ID the document must be issued to; null means the applicant.
/// A later event for the same document replaces the earlier one.
/// </summary>
public sealed record RequiredDocumentSourceDefined(string ServiceCode, string DocumentCode, string IssuingServiceCode, int ValidityDays, string? HolderField);
