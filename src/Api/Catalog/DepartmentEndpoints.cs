using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
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
    [EndpointSummary("List the government departments")]
    [EndpointDescription("Public: every department with its Arabic and English name, in code order.")]
    public static async Task<IReadOnlyList<DepartmentEntry>> List(IQuerySession session, CancellationToken ct) =>
        await session.Query<DepartmentEntry>().OrderBy(d => d.Code).ToListAsync(ct);

    [AllowAnonymous]
    [WolverineGet("/api/departments/{code}", OperationId = "GetDepartment")]
    [Tags("Catalog")]
    [EndpointSummary("Read a department")]
    [EndpointDescription("Public: one department by its code.")]
    public static async Task<Results<Ok<DepartmentEntry>, ProblemHttpResult>> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var department = code.Length > 40 ? null : await session.LoadAsync<DepartmentEntry>(CatalogIds.Department(code), ct);
        if (department is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No department with code '{code}'.",
            extensions: new Dictionary<string, object?> { ["code"] = "department_not_found" });
        }
        return TypedResults.Ok(department);
    }
}
