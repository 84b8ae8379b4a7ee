using System.Security.Claims;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>What the citizen is asked for now: the fee, or an answer to an officer's question.</summary>
public sealed record AwaitedFromApplicant(string Kind, string Detail, Guid? InformationRequestId);

/// <summary>One line of "my requests": where it is, who holds it, when it should be done, what is awaited from me.</summary>
public sealed record MyRequestSummary(
    Guid Id, long Version, string ServiceCode, LocalizedText ServiceName, ServiceRequestStatus Status, RequestFlags Flags,
    int? CurrentStep, string? CurrentDepartment, string? HeldBy, DateOnly? ExpectedCompletion, AwaitedFromApplicant? AwaitedFromMe,
    DateTimeOffset SubmittedAt, DateTimeOffset LastChangedAt);

public static class MyRequestsEndpoint
{
    /// <summary>Newest first (default), oldest first, or most recently changed first; ties by id.</summary>
    public static readonly IReadOnlyList<KeysetOrder<ServiceRequestDetails>> Orders =
    [
        new("-submitted", r => r.SubmittedAt, r => r.Id,
            q => q.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id),
            (q, k, id) => q.Where(r => r.SubmittedAt < k || (r.SubmittedAt == k && r.MatchesSql("d.id < ?", id)))),
        new("submitted", r => r.SubmittedAt, r => r.Id,
            q => q.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id),
            (q, k, id) => q.Where(r => r.SubmittedAt > k || (r.SubmittedAt == k && r.MatchesSql("d.id > ?", id)))),
        new("-changed", r => r.LastChangedAt, r => r.Id,
            q => q.OrderByDescending(r => r.LastChangedAt).ThenByDescending(r => r.Id),
            (q, k, id) => q.Where(r => r.LastChangedAt < k || (r.LastChangedAt == k && r.MatchesSql("d.id < ?", id)))),
    ];

    [Authorize(Roles = Roles.Citizen)]
    [WolverineGet("/api/me/requests", OperationId = "ListMyRequests")]
    [Tags("Citizen")]
    [EndpointSummary("List my requests")]
    [EndpointDescription(
        "My requests with keyset paging (limit 1-100, after = the previous page's next): status, current step and department, " +
        "who holds it, expected completion date (the SLA due date), and what is awaited from me (the fee or an officer's question). " +
        "Filters: status, service. sort: -submitted (newest first, default), submitted (oldest first), -changed (most recently changed first).")]
    public static Task<Page<MyRequestSummary>> Get(
        ClaimsPrincipal user, IQuerySession session, ServiceRequestStatus? status, string? service, string? sort, string? after, int? limit,
        CancellationToken ct)
    {
        var order = KeysetPaging.Choose(Orders, sort);
        var applicant = user.ApplicantId();
        var query = session.Query<ServiceRequestDetails>().Where(r => r.ApplicantId == applicant);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        if (!string.IsNullOrEmpty(service))
        {
            var code = service.ToUpperInvariant();
            query = query.Where(r => r.ServiceCode == code);
        }
        return KeysetPaging.PageAsync(query, order, after, limit, Summarise, ct);
    }

    public static MyRequestSummary Summarise(ServiceRequestDetails r) => new(
        r.Id, r.Version, r.ServiceCode, r.ServiceName, r.Status, r.Flags, r.CurrentStep, r.CurrentDepartment, r.AssignedTo,
        r.SlaDueDate, Awaited(r), r.SubmittedAt, r.LastChangedAt);

    private static AwaitedFromApplicant? Awaited(ServiceRequestDetails r) => r switch
    {
        { Status: ServiceRequestStatus.AwaitingPayment, Fee: { } fee } =>
            new("payment", $"{fee.Total.Amount - (r.Paid?.Amount ?? 0):0.00} {fee.Total.Currency}", null),
        { AwaitedFromApplicant: { } info } => new("information", info.Message, info.Id),
        _ => null,
    };
}
