using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Kiota.Abstractions;
using MyGovernment.Client.Api.Oversight.Reports.Item;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Audit;

/// <summary>
/// One integrity report, filtered by period, department, service and officer, each finding linked to the events that
/// prove it. The CSV is fetched by the portal with the reader's token (which never reaches the browser).
/// </summary>
[Authorize(AuthenticationSchemes = PortalAuth.Scheme, Roles = "auditor,oversight")]
public sealed class ReportModel(PortalApi portal) : PageModel
{
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "department")]
    public string? Department { get; set; }

    [FromQuery(Name = "service")]
    public string? Service { get; set; }

    [FromQuery(Name = "officer")]
    public string? Officer { get; set; }

    public string Name { get; private set; } = "";

    public ReportResult? Result { get; private set; }

    public ApiRefusal? Refusal { get; private set; }

    /// <summary>Evidence can be followed by auditors only (oversight reads the reports, not the streams).</summary>
    public bool MayFollowEvidence => User.IsInRole("auditor");

    public string Query => QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From, ["to"] = To, ["department"] = Department, ["service"] = Service, ["officer"] = Officer,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToString();

    public async Task<IActionResult> OnGetAsync(string name)
    {
        Name = name;
        (Result, Refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Oversight.Reports[name].GetAsync(Scope));
        return Result is null && Refusal?.Status is 404 ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string name)
    {
        // The typed call reads JSON; the native handler hands back the raw CSV response instead.
        var raw = new NativeResponseHandler();
        await portal.Client.Api.Oversight.Reports[name].GetAsync(q =>
        {
            Scope(q);
            q.QueryParameters.Format = "csv";
            q.Headers.Add("Accept", "text/csv");
            q.Options.Add(new ResponseHandlerOption { ResponseHandler = raw });
        });
        if (raw.Value is not HttpResponseMessage { IsSuccessStatusCode: true } response)
        {
            return (raw.Value as HttpResponseMessage)?.StatusCode is System.Net.HttpStatusCode.NotFound ? NotFound() : StatusCode(502);
        }
        return File(await response.Content.ReadAsStreamAsync(), "text/csv", $"{name}.csv");
    }

    private void Scope(RequestConfiguration<WithNameItemRequestBuilder.WithNameItemRequestBuilderGetQueryParameters> q)
    {
        q.QueryParameters.From = StaffFormat.FromPalestine(From);
        q.QueryParameters.To = StaffFormat.FromPalestine(To);
        q.QueryParameters.Department = Blank(Department);
        q.QueryParameters.Service = Blank(Service);
        q.QueryParameters.Officer = Blank(Officer);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
