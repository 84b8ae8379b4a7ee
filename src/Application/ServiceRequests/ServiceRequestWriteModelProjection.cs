using JasperFx.Events;
using Marten.Events.Aggregation;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>Folds a service request stream with Domain's pure evolve function (see <see cref="Catalog.ServiceWriteModelProjection"/>).</summary>
public sealed partial class ServiceRequestWriteModelProjection : SingleStreamProjection<ServiceRequest, Guid>
{
    public override ServiceRequest? Evolve(ServiceRequest? snapshot, Guid id, IEvent e) => ServiceRequest.Evolve(snapshot, e.Data);
}
