using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Catalog;
using MyGovernment.Projections.Catalog;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public static class AdminServiceEndpoint
{
    [Authorize(Roles = Roles.Admin)]
    [WolverineGet("/api/admin/services/{code}", OperationId = "GetServiceForAdmin")]
    [Tags("Catalog administration")]
    [EndpointSummary("Read a service as an administrator")]
    [EndpointDescription("A service as the admin sees it: drafts and retired services included.")]
    public static async Task<Results<Ok<ServiceCatalogEntry>, ProblemHttpResult>> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var service = code.Length > 40 ? null : await session.LoadAsync<ServiceCatalogEntry>(CatalogIds.Service(code), ct);
        if (service is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No service with code '{code}'.",
            extensions: new Dictionary<string, object?> { ["code"] = "service_not_found" });
        }
        return TypedResults.Ok(service);
    }
}
