using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Shared;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Citizen;

/// <summary>A printable receipt with a QR code to its public verification page (this portal's, which also answers JSON).</summary>
[Authorize(Policy = PortalAuth.Citizen)]
public sealed class ReceiptModel(PortalApi api, Language language) : PageModel
{
    public Receipt Receipt { get; private set; } = null!;
    public string ServiceName { get; private set; } = "";
    public string DepartmentName { get; private set; } = "";
    public string VerifyUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var receipt = await PortalApi.FindAsync(() => api.Client.Api.Payments[id].Receipt.GetAsync(cancellationToken: cancellationToken));
        if (receipt is null)
        {
            return NotFound();
        }
        Receipt = receipt;
        var service = await PortalApi.FindAsync(() => api.Client.Api.Services[receipt.ServiceCode ?? ""].GetAsync(cancellationToken: cancellationToken));
        var department = await PortalApi.FindAsync(() => api.Client.Api.Departments[receipt.DepartmentCode ?? ""].GetAsync(cancellationToken: cancellationToken));
        ServiceName = service is null ? receipt.ServiceCode ?? "" : language.Pick(service.Name);
        DepartmentName = department is null ? receipt.DepartmentCode ?? "" : language.Pick(department.Name);
        VerifyUrl = $"{Request.Scheme}://{Request.Host}/verify/receipts/{receipt.ReceiptNumber}";
        return Page();
    }
}
