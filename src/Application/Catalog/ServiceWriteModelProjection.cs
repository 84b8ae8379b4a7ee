using JasperFx.Events;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Catalog;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// Marten folds a catalog service's stream with Domain's pure evolve function. Declared here, not in Domain,
/// because Marten 9 generates fold code in the assembly that declares the projection and Domain stays free of Marten.
/// </summary>
public sealed partial class ServiceWriteModelProjection : SingleStreamProjection<Service, Guid>
{
    public override Service? Evolve(Service? snapshot, Guid id, IEvent e) => Service.Evolve(snapshot, id, e.Data);
}
