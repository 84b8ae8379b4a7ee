using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using Wolverine.Http;

namespace MyGovernment.Api.Operations;

public static class NodeStatusEndpoint
{
    /// <summary>
    /// The answering node's status: behind a load balancer each call may reach another node, so operators call each
    /// node's own address (or read the same figures from the metrics, which carry the node id).
    /// </summary>
    [Authorize(Roles = Roles.Admin + "," + Roles.Auditor)]
    [WolverineGet("/api/operations/status", OperationId = "GetNodeStatus")]
    [EndpointSummary("Status of this node")]
    [EndpointDescription("The answering node's id, whether it leads the cluster, the agents and projection shards it runs with their lag, the durable inbox and outbox backlog, and the age of the last signed checkpoint. For administrators and auditors.")]
    [Tags("Operations")]
    public static Task<NodeStatusView> Get(NodeStatus status, CancellationToken ct) => status.ReadAsync(ct);
}
