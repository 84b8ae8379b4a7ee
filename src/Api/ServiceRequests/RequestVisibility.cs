using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Projections.ServiceRequests;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>
/// Who may read a request: its applicant; staff of the department that holds it now or is consulted on it
/// (least privilege: a later step's department sees it when it arrives); auditors. Everyone else gets 404, so the
/// existence of someone else's request is not revealed. The same rule guards every command (Guard.Visible).
/// </summary>
public static class RequestVisibility
{
    public static bool MayRead(ClaimsPrincipal user, ServiceRequestDetails request) =>
        (user.IsInRole(Roles.Citizen) && request.ApplicantId == user.ApplicantId())
        || user.IsStaffOf(request.CurrentDepartment)
        || user.IsStaffOf(request.ReferredTo)
        || user.IsInRole(Roles.Auditor);

    public static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such service request.",
            extensions: new Dictionary<string, object?> { ["code"] = "request_not_found" });
}
