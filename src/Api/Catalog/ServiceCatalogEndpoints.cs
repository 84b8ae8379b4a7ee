using Marten;
using Microsoft.AspNetCore.Authorization;
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
    public static async Task<IResult> Get(string code, IQuerySession session, CancellationToken ct)
    {
        if (code.Length > 40)
        {
            return Results.NotFound();
        }
        var service = await session.LoadAsync<ServiceCatalogEntry>(CatalogIds.Service(code), ct);
        return service is { Status: not ServiceStatus.Draft }
            ? Results.Ok(service)
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"No service with code '{code}'.");
    }

    private static FeeSchedule? FeeInForce(ServiceCatalogEntry service, DateOnly today) =>
        service.FeeSchedules.Where(f => f.EffectiveFrom <= today).OrderBy(f => f.EffectiveFrom).ThenBy(f => f.Version).LastOrDefault();
}
