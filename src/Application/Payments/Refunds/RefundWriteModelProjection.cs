using JasperFx.Events;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Payments.Refunds;

namespace MyGovernment.Application.Payments.Refunds;

/// <summary>Folds a refund stream with Domain's pure evolve function (see <see cref="Catalog.ServiceWriteModelProjection"/>).</summary>
public sealed partial class RefundWriteModelProjection : SingleStreamProjection<Refund, Guid>
{
    public override Refund? Evolve(Refund? snapshot, Guid id, IEvent e) => Refund.Evolve(snapshot, e.Data);
}
