using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Catalog;

/// <summary>
/// Pure decisions of catalog administration: (state, command data, now) → events, or a refusal. Codes are
/// stored upper-case, as <see cref="CatalogIds"/> addresses them. A repeated publish or retire yields no events.
/// A duplicate department or service code is not decided here: starting a stream whose name-based id exists
/// fails in the store (409 Conflict, code "duplicate"), which also covers two admins racing.
/// </summary>
public static class CatalogDecisions
{
    public static readonly IReadOnlySet<string> Currencies = new HashSet<string>(StringComparer.Ordinal) { "ILS", "JOD", "USD" };

    public static DepartmentRegistered RegisterDepartment(string code, LocalizedText name) =>
        new(Canonical(code), name.Ar.Trim(), name.En.Trim());

    /// <summary>Defines a draft service; the owning department and every step's department must be registered.</summary>
    public static ServiceDefined DefineService(ServiceDefined proposed, IReadOnlySet<string> registeredDepartments)
    {
        if (proposed.Workflow.Count == 0)
        {
            throw new DomainException("workflow_required", "A service needs at least one workflow step.");
        }
        if (proposed.SlaWorkingDays < 1)
        {
            throw new DomainException("sla_required", "A service needs an SLA of at least one working day.");
        }
        var errors = new Dictionary<string, string[]>();
        if (!registeredDepartments.Contains(Canonical(proposed.DepartmentCode)))
        {
            errors["departmentCode"] = [$"No department '{proposed.DepartmentCode}' is registered."];
        }
        for (var i = 0; i < proposed.Workflow.Count; i++)
        {
            if (!registeredDepartments.Contains(Canonical(proposed.Workflow[i].DepartmentCode)))
            {
                errors[$"workflow[{i}].DepartmentCode"] = [$"No department '{proposed.Workflow[i].DepartmentCode}' is registered."];
            }
        }
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }
        return proposed with
        {
            Code = Canonical(proposed.Code),
            DepartmentCode = Canonical(proposed.DepartmentCode),
            Workflow = [.. proposed.Workflow.Select(s => s with { DepartmentCode = Canonical(s.DepartmentCode) })],
        };
    }

    /// <summary>
    /// Adopts the next fee schedule version (previous + 1). It takes effect on a Palestinian local date that is
    /// not in the past and not before the latest version's date, so a fee already assessed can never change.
    /// </summary>
    public static FeeScheduleAdopted AdoptFeeSchedule(Service? service, DateOnly effectiveFrom, IReadOnlyList<FeeLine> lines, DateTimeOffset now)
    {
        var current = Existing(service);
        if (current.Status == ServiceStatus.Retired)
        {
            throw new DomainException("service_retired", $"Service '{current.Code}' is retired.");
        }
        if (!current.IsPaid)
        {
            throw new DomainException("service_not_paid", $"Service '{current.Code}' is free of charge: it has no fee schedule.");
        }
        var today = PalestineTime.LocalDate(now);
        if (effectiveFrom < today)
        {
            throw new DomainException("effective_date_in_past", $"A fee schedule cannot take effect before today ({today:yyyy-MM-dd}).");
        }
        var latest = current.FeeSchedules.OrderBy(s => s.Version).LastOrDefault();
        if (latest is not null && effectiveFrom < latest.EffectiveFrom)
        {
            throw new DomainException("effective_date_before_latest",
                $"Version {latest.Version} takes effect on {latest.EffectiveFrom:yyyy-MM-dd}; a new version cannot take effect before it.");
        }
        CheckLines(lines);
        var version = (latest?.Version ?? 0) + 1;
        return new FeeScheduleAdopted(current.Code, new FeeSchedule(version, effectiveFrom, [.. lines]));
    }

    /// <summary>Publishes a draft. A paid service needs a fee schedule in force on the publication date.</summary>
    public static IReadOnlyList<object> Publish(Service? service, DateTimeOffset now)
    {
        var current = Existing(service);
        switch (current.Status)
        {
            case ServiceStatus.Published:
                return [];
            case ServiceStatus.Retired:
                throw new DomainException("service_retired", $"Service '{current.Code}' is retired and cannot be published again.");
        }
        if (current.IsPaid && current.FeeScheduleOn(PalestineTime.LocalDate(now)) is null)
        {
            throw new DomainException("fee_schedule_required", $"Paid service '{current.Code}' has no fee schedule in force today.");
        }
        return [new ServicePublished(current.Code)];
    }

    /// <summary>Retires a draft or published service for good, with a reason. Requests already made go on.</summary>
    public static IReadOnlyList<object> Retire(Service? service, string reason)
    {
        var current = Existing(service);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("reason_required", "Retiring a service needs a reason.");
        }
        return current.Status == ServiceStatus.Retired ? [] : [new ServiceRetired(current.Code, reason.Trim())];
    }

    private static Service Existing(Service? service) =>
        service ?? throw new NotFoundException("service_not_found", "No such service.");

    private static void CheckLines(IReadOnlyList<FeeLine> lines)
    {
        if (lines.Count == 0)
        {
            throw new DomainException("fee_lines_required", "A fee schedule needs at least one fee line.");
        }
        if (lines.Any(l => l.Amount.Amount <= 0m) || lines.Select(l => l.Amount.Currency).Distinct().Count() != 1
            || !Currencies.Contains(lines[0].Amount.Currency))
        {
            throw new DomainException("invalid_fee_lines", "Fee lines need positive amounts in one currency (ILS, JOD or USD).");
        }
        if (lines.Select(l => l.Code).Distinct(StringComparer.Ordinal).Count() != lines.Count)
        {
            throw new DomainException("invalid_fee_lines", "Fee line codes must be unique within a schedule.");
        }
    }

    internal static string Canonical(string code) => code.Trim().ToUpperInvariant();
}
