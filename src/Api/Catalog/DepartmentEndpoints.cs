using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Domain.Catalog;
using MyGovernment.Projections.Catalog;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

/// <summary>The government departments: public, like the catalog.</summary>
public static class DepartmentEndpoints
{
    [AllowAnonymous]
    [WolverineGet("/api/departments", OperationId = "ListDepartments")]
    [Tags("Catalog")]
    public static async Task<IReadOnlyList<DepartmentEntry>> List(IQuerySession session, CancellationToken ct) =>
        await session.Query<DepartmentEntry>().OrderBy(d => d.Code).ToListAsync(ct);

    [AllowAnonymous]
    [WolverineGet("/api/departments/{code}", OperationId = "GetDepartment")]
    [Tags("Catalog")]
    public static async Task<IResult> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var department = code.Length > 40 ? null : await session.LoadAsync<DepartmentEntry>(CatalogIds.Department(code), ct);
        return department is not null
            ? Results.Ok(department)
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"No department with code '{code}'.");
    }
}
