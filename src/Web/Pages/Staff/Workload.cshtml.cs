using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Staff;

/// <summary>The supervisor's view of their department: open, unassigned and overdue work, per officer.</summary>
[Authorize(Policy = PortalAuth.Supervisor)]
public sealed class WorkloadModel(PortalApi portal) : PageModel
{
    public DepartmentWorkload? Workload { get; private set; }

    public ApiRefusal? Refusal { get; private set; }

    public string? Department => StaffUser.Of(User).Department;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Department is not null)
        {
            (Workload, Refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Departments[Department].Workload.GetAsync());
        }
        return Page();
    }
}
