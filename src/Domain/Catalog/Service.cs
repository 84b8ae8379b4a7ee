namespace MyGovernment.Domain.Catalog;

/// <summary>Write model of one catalog service: what submission and fee assessment need to decide.</summary>
public sealed record Service(
    Guid Id,
    string Code,
    string DepartmentCode,
    LocalizedText Name,
    IReadOnlyList<FormField> Fields,
    bool IsPaid,
    IReadOnlyList<WorkflowStep> Workflow,
    bool RequiresSecondApprover,
    int SlaWorkingDays,
    IReadOnlyList<FeeSchedule> FeeSchedules,
    ServiceStatus Status,
    IReadOnlyList<DocumentRequirement>? Documents = null)
{
    public static Service Define(Guid id, ServiceDefined e) => new(
        id, e.Code, e.DepartmentCode, e.Name, e.Fields, e.IsPaid, e.Workflow, e.RequiresSecondApprover,
        e.SlaWorkingDays, [], ServiceStatus.Draft, [.. e.RequiredDocuments.Select(DocumentRequirement.From)]);

    public static Service? Evolve(Service? state, Guid streamId, object @event) => (state, @event) switch
    {
        (_, ServiceDefined e) => Define(streamId, e),
        (not null, FeeScheduleAdopted e) => state with { FeeSchedules = [.. state.FeeSchedules, e.Schedule] },
        (not null, ServicePublished) => state with { Status = ServiceStatus.Published },
        (not null, ServiceRetired) => state with { Status = ServiceStatus.Retired },
        (not null, RequiredDocumentSourceDefined e) => state with { Documents = DocumentRequirement.WithSource(state.Documents ?? [], e) },
        _ => state,
    };

    /// <summary>The fee schedule in force on a local date: the latest version effective on or before it.</summary>
    public FeeSchedule? FeeScheduleOn(DateOnly date) =>
        FeeSchedules.Where(s => s.EffectiveFrom <= date).OrderBy(s => s.EffectiveFrom).ThenBy(s => s.Version).LastOrDefault();
}
