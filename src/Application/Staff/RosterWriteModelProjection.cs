using JasperFx.Events;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Staff;

namespace MyGovernment.Application.Staff;

/// <summary>Folds a department roster stream with Domain's pure evolve (Domain stays free of Marten).</summary>
public sealed partial class RosterWriteModelProjection : SingleStreamProjection<DepartmentRoster, Guid>
{
    public override DepartmentRoster? Evolve(DepartmentRoster? snapshot, Guid id, IEvent e) => DepartmentRoster.Evolve(snapshot, e.Data);
}
