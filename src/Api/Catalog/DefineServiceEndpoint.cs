using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Catalog;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Catalog;

public sealed record DefineServiceBody(
    string? Code,
    string? DepartmentCode,
    LocalizedText? Name,
    LocalizedText? Description,
    List<FormField>? Fields,
    List<RequiredDocument>? RequiredDocuments,
    bool IsPaid,
    List<WorkflowStep>? Workflow,
    bool RequiresSecondApprover,
    int SlaWorkingDays);

public static class DefineServiceEndpoint
{
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/admin/services", OperationId = "DefineService")]
    [Tags("Catalog administration")]
    [EndpointSummary("Define a service")]
    [EndpointDescription("Defines a draft service (201); it reaches the public catalog when published.")]
    public static Task<Created<ServiceChangedResponse>> Post(DefineServiceBody body, HttpContext http, IMessageBus bus, CancellationToken ct)
    {
        var command = new DefineService(
            body.Code ?? "", body.DepartmentCode ?? "", body.Name ?? new("", ""), body.Description ?? new("", ""),
            body.Fields ?? [], body.RequiredDocuments ?? [], body.IsPaid, body.Workflow ?? [], body.RequiresSecondApprover,
            body.SlaWorkingDays, http.User.ToActor());
        return IdempotentCommand.InvokeAsync<ServiceChangedResponse, Created<ServiceChangedResponse>>(
            http, bus, command, defined => TypedResults.Created($"/api/admin/services/{defined.Code}", defined), ct);
    }
}
