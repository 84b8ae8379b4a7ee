using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record ConfirmPaymentBody(long? ExpectedVersion, string PaymentReference, decimal Amount, string? Currency) : IVersionedBody;

public static class ConfirmPaymentEndpoint
{
    [Authorize(Roles = "finance")]
    [WolverinePost("/api/service-requests/{id}/payments", OperationId = "ConfirmPayment")]
    [Tags("Service requests")]
    [EndpointSummary("Record a confirmed payment")]
    [EndpointDescription("Finance records money confirmed for the request (the seam the payments module will call).")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, ConfirmPaymentBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new ConfirmPayment(id, CommandResponses.Expected(request, body), user.ToActor(), body.PaymentReference ?? "", new Money(body.Amount, body.Currency ?? Money.Shekel)), response, ct);
}
