using JasperFx.Events;
using Marten.Events.Aggregation;
using MyGovernment.Domain.Payments;

namespace MyGovernment.Application.Payments;

/// <summary>Folds a payment stream with Domain's pure evolve function (see <see cref="Catalog.ServiceWriteModelProjection"/>).</summary>
public sealed partial class PaymentWriteModelProjection : SingleStreamProjection<Payment, Guid>
{
    public override Payment? Evolve(Payment? snapshot, Guid id, IEvent e) => Payment.Evolve(snapshot, e.Data);
}
