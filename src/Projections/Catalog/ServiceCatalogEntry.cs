using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Catalog;

namespace MyGovernment.Projections.Catalog;

/// <summary>What the portal shows about a service: names, form, documents, workflow, fees in force and history.</summary>
public sealed class ServiceCatalogEntry
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string DepartmentCode { get; set; } = "";
    public LocalizedText Name { get; set; } = new("", "");
    public LocalizedText Description { get; set; } = new("", "");
    public List<FormField> Fields { get; set; } = [];
    public List<RequiredDocument> RequiredDocuments { get; set; } = [];
    public bool IsPaid { get; set; }
    public List<WorkflowStep> Workflow { get; set; } = [];
    public bool RequiresSecondApprover { get; set; }
    public int SlaWorkingDays { get; set; }
    public List<FeeSchedule> FeeSchedules { get; set; } = [];
    public ServiceStatus Status { get; set; }
    public string? RetiredReason { get; set; }
    /// <summary>Required documents that may be supplied by referencing an issued one (tell us once), by document code.</summary>
    public List<RequiredDocumentSourceDefined> DocumentSources { get; set; } = [];
}

public sealed partial class ServiceCatalogEntryProjection : SingleStreamProjection<ServiceCatalogEntry, Guid>
{
    /// <summary>Run inline only for the transactions with an event of this projection's (see InlineScreen).</summary>
    protected override IInlineProjection<IDocumentOperations> buildForInline() => new InlineScreen(base.buildForInline(), () => AllEventTypes);

    public static ServiceCatalogEntry Create(ServiceDefined e) => new()
    {
        Code = e.Code,
        DepartmentCode = e.DepartmentCode,
        Name = e.Name,
        Description = e.Description,
        Fields = [.. e.Fields],
        RequiredDocuments = [.. e.RequiredDocuments],
        IsPaid = e.IsPaid,
        Workflow = [.. e.Workflow],
        RequiresSecondApprover = e.RequiresSecondApprover,
        SlaWorkingDays = e.SlaWorkingDays,
        Status = ServiceStatus.Draft,
    };

    public static void Apply(FeeScheduleAdopted e, ServiceCatalogEntry view) => view.FeeSchedules.Add(e.Schedule);

    public static void Apply(ServicePublished e, ServiceCatalogEntry view) => view.Status = ServiceStatus.Published;

    public static void Apply(ServiceRetired e, ServiceCatalogEntry view)
    {
        view.Status = ServiceStatus.Retired;
        view.RetiredReason = e.Reason;
    }
}
