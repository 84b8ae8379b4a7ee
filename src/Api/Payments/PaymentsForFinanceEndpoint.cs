using FluentValidation;
using FluentValidation.Results;
using Marten;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Domain.Payments;
using MyGovernment.Projections.Payments;
using Wolverine.Http;

namespace MyGovernment.Api.Payments;

public static class PaymentsForFinanceEndpoint
{
    /// <summary>Finance's work list: payments by status and department, and the flagged ones reconciliation must look at.</summary>
    [Authorize(Roles = $"{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/finance/payments", OperationId = "ListPaymentsForFinance")]
    [EndpointSummary("List payments for finance")]
    [EndpointDescription("Payments keyset paged (`after`, `limit`); `sort` = `-created` (newest first, the default) or `created` (oldest first); optionally only one `status` (Created, Started, Authorised, Succeeded, Failed, Cancelled, Expired, Error, StatusUnknown, Settled, Reconciled), one `department`, or with `needsReconciliation=true` the flagged ones: contradictory provider events and reconciliation breaks.")]
    [Tags("Finance")]
    public static async Task<Page<PaymentDetails>> List(
        string? status, string? department, bool? needsReconciliation, string? sort, string? after, int? limit, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<PaymentDetails>().AsQueryable();
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<PaymentStatus>(status, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted))
            {
                throw new ValidationException([new ValidationFailure("status", $"'status' must be one of {string.Join(", ", Enum.GetNames<PaymentStatus>())}.")]);
            }
            query = query.Where(p => p.Status == wanted);
        }
        if (!string.IsNullOrEmpty(department))
        {
            query = query.Where(p => p.DepartmentCode == department);
        }
        if (needsReconciliation is { } flagged)
        {
            query = query.Where(p => p.NeedsReconciliation == flagged);
        }
        return await PaymentEndpoints.PageAsync(query, sort, after, limit, ct);
    }
}
