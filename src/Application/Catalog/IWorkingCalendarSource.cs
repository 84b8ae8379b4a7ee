using MyGovernment.Domain.Catalog;

namespace MyGovernment.Application.Catalog;

/// <summary>The working calendar in force (Sunday–Thursday minus the declared public holidays), for SLA arithmetic.</summary>
public interface IWorkingCalendarSource
{
    Task<WorkingCalendar> GetAsync(CancellationToken ct);
}
