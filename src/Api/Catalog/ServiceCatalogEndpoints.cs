using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Projections.Catalog;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

/// <summary>A published service as listed in the portal, with the fee schedule in force today.</summary>
public sealed record ServiceSummary(
    string Code, string DepartmentCode, LocalizedText Name, bool IsPaid, int SlaWorkingDays, Money? Fee);

/// <summary>The public catalog: anyone may read it, signed in or not.</summary>
public static class ServiceCatalogEndpoints
{
    [AllowAnonymous]
    [WolverineGet("/api/services", OperationId = "ListServices")]
    [Tags("Catalog")]
    [EndpointSummary("List the published services")]
    [EndpointDescription("Public: the service catalog, with the total fee in force today for paid services.")]
    public static async Task<IReadOnlyList<ServiceSummary>> List(IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var today = PalestineTime.LocalDate(clock.GetUtcNow());
        var services = await session.Query<ServiceCatalogEntry>()
            .Where(s => s.Status == ServiceStatus.Published)
            .OrderBy(s => s.Code)
            .ToListAsync(ct);
        return [.. services.Select(s => new ServiceSummary(
            s.Code, s.DepartmentCode, s.Name, s.IsPaid, s.SlaWorkingDays, FeeInForce(s, today)?.Total()))];
    }

    [AllowAnonymous]
    [WolverineGet("/api/services/{code}", OperationId = "GetService")]
    [Tags("Catalog")]
    [EndpointSummary("Read a published service")]
    [EndpointDescription("Public: a published or retired service with its form fields, required documents, workflow and fee schedules.")]
    public static async Task<Results<Ok<ServiceCatalogEntry>, ProblemHttpResult>> Get(string code, IQuerySession session, CancellationToken ct)
    {
        var service = code.Length > 40 ? null : await session.LoadAsync<ServiceCatalogEntry>(CatalogIds.Service(code), ct);
        if (service is not { Status: not ServiceStatus.Draft })
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No service with code '{code}'.",
            extensions: new Dictionary<string, object?> { ["code"] = "service_not_found" });
        }
        return TypedResults.Ok(service);
    }

    private static FeeSchedule? FeeInForce(ServiceCatalogEntry service, DateOnly today) =>
        service.FeeSchedules.Where(f => f.EffectiveFrom <= today).OrderBy(f => f.EffectiveFrom).ThenBy(f => f.Version).LastOrDefault();
}
