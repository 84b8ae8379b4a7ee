using Microsoft.AspNetCore.Authorization;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>A request for the auditor: its history and its state replayed ("what the officer saw when they decided").</summary>
[Authorize(Policy = PortalAuth.Auditor)]
public sealed class RequestModel(PortalApi portal) : AuditReplayModel<ServiceRequestStateView>
{
    protected override Task<List<TimelineEntry>?> TimelineAsync(Guid id) =>
        portal.Client.Api.ServiceRequests[id].Timeline.GetAsync();

    protected override Task<ServiceRequestStateView?> ReplayAsync(Guid id, long? version, DateTimeOffset? at) =>
        portal.Client.Api.Audit.ServiceRequests[id].State.GetAsync(q =>
        {
            q.QueryParameters.Version = version;
            q.QueryParameters.At = at;
        });
}
