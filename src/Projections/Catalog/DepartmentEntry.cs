using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Catalog;

namespace MyGovernment.Projections.Catalog;

public sealed class DepartmentEntry
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new("", "");
}

public sealed partial class DepartmentEntryProjection : SingleStreamProjection<DepartmentEntry, Guid>
{
    /// <summary>Run inline only for the transactions with an event of this projection's (see InlineScreen).</summary>
    protected override IInlineProjection<IDocumentOperations> buildForInline() => new InlineScreen(base.buildForInline(), () => AllEventTypes);

    public static DepartmentEntry Create(DepartmentRegistered e) => new() { Code = e.Code, Name = new(e.NameAr, e.NameEn) };
}
