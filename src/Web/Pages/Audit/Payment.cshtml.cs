using Microsoft.AspNetCore.Authorization;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>A payment for the auditor: its history and its state replayed (what the payment looked like when finance acted).</summary>
[Authorize(Policy = PortalAuth.Auditor)]
public sealed class PaymentModel(PortalApi portal) : AuditReplayModel<PaymentStateView>
{
    protected override Task<List<TimelineEntry>?> TimelineAsync(Guid id) =>
        portal.Client.Api.Payments[id].Timeline.GetAsync();

    protected override Task<PaymentStateView?> ReplayAsync(Guid id, long? version, DateTimeOffset? at) =>
        portal.Client.Api.Audit.Payments[id].State.GetAsync(q =>
        {
            q.QueryParameters.Version = version;
            q.QueryParameters.At = at;
        });
}
