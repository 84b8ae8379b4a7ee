using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Domain.Catalog;
using MyGovernment.Projections.Catalog;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public static class AdminServiceEndpoint
{
    /// <summary>A service as the admin sees it: drafts and retired services included.</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverineGet("/api/admin/services/{code}", OperationId = "GetServiceForAdmin")]
    [Tags("Catalog administration")]
    public static async Task<IResult> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var service = code.Length > 40 ? null : await session.LoadAsync<ServiceCatalogEntry>(CatalogIds.Service(code), ct);
        return service is not null
            ? Results.Ok(service)
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"No service with code '{code}'.");
    }
}
