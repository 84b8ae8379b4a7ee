using System.Security.Claims;
using Marten;
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
    [Authorize(Roles = Roles.Citizen)]
    [WolverineGet("/api/me/requests", OperationId = "ListMyRequests")]
    [Tags("Citizen")]
    [EndpointSummary("List my requests")]
    [EndpointDescription("My requests, newest first, with keyset paging: status, current step and department, who holds it, expected completion date, and what is awaited from me (the fee or an officer's question).")]
    public static async Task<Page<MyRequestSummary>> Get(
        ClaimsPrincipal user, IQuerySession session, ServiceRequestStatus? status, string? after, int? limit, CancellationToken ct)
    {
        var size = Keyset.Limit(limit);
        var cursor = Keyset.Decode(after);
        var applicant = user.ApplicantId();
        var query = session.Query<ServiceRequestDetails>().Where(r => r.ApplicantId == applicant);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        if (cursor is { } c)
        {
            query = query.Where(r => r.SubmittedAt <= c.Key);
        }
        var rows = await query.OrderByDescending(r => r.SubmittedAt).Take(size + 50).ToListAsync(ct);
        return Keyset.Cut(rows, cursor, size, r => r.SubmittedAt, r => r.Id, Summarise, descending: true);
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
