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
    public static DepartmentEntry Create(DepartmentRegistered e) => new() { Code = e.Code, Name = new(e.NameAr, e.NameEn) };
}
