using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Shared;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Citizen;

/// <summary>
/// The service's form, built from the catalog's field list, and a file input per required document. Submitting
/// uploads the files, submits the request and attaches them; the engine's field errors come back next to each field.
/// </summary>
[Authorize(Policy = PortalAuth.Citizen)]
// The engine enforces its own upload limit; this only keeps absurd posts out of the portal.
[RequestSizeLimit(30 * 1024 * 1024)]
public sealed class ApplyModel(PortalApi api, Language language) : PageModel
{
    public ServiceCatalogEntry Service { get; private set; } = null!;

    /// <summary>What the citizen typed, by field name, to show again when the engine refuses.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }
        var form = new SubmitServiceRequestBody_form();
        foreach (var field in Service.Fields ?? [])
        {
            var value = Request.Form["form." + field.Name].ToString();
            Values[field.Name!] = value;
            if (!string.IsNullOrWhiteSpace(value))
            {
                form.AdditionalData[field.Name!] = value;
            }
        }
        var files = (Service.RequiredDocuments ?? [])
            .Select(d => (d.Code!, File: Request.Form.Files.GetFile("document." + d.Code)))
            .ToList();
        foreach (var (documentCode, file) in files.Where(f => f.File is null or { Length: 0 }))
        {
            ModelState.AddModelError("document." + documentCode, language.T("Please choose a file.", "يرجى اختيار ملف."));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var submitted = await api.Client.Api.ServiceRequests.PostAsync(
                new SubmitServiceRequestBody { ServiceCode = code, Form = form }, cancellationToken: cancellationToken);
            var id = submitted!.RequestId!.Value;
            if (files.Count > 0)
            {
                await AttachAsync(id, files!, cancellationToken);
            }
            return Redirect($"/me/requests/{id}");
        }
        catch (MyGovernment.Client.Models.ValidationProblemDetails problem)
        {
            EngineErrors.AddTo(ModelState, problem);
            return Page();
        }
        catch (MyGovernment.Client.Models.ProblemDetails problem)
        {
            EngineErrors.AddTo(ModelState, problem);
            return Page();
        }
    }

    private async Task AttachAsync(Guid id, List<(string Code, IFormFile File)> files, CancellationToken cancellationToken)
    {
        var references = new List<DocumentReference>();
        foreach (var (documentCode, file) in files)
        {
            await using var body = file.OpenReadStream();
            var uploaded = await api.Client.Api.Documents.PostAsync(body, file.ContentType,
                c => c.QueryParameters.FileName = Path.GetFileName(file.FileName), cancellationToken);
            references.Add(new DocumentReference
            {
                DocumentType = documentCode,
                FileName = uploaded!.FileName,
                ContentType = uploaded.ContentType,
                SizeBytes = uploaded.Size,
                Sha256 = uploaded.Sha256,
            });
        }
        var details = await api.Client.Api.ServiceRequests[id].GetAsync(cancellationToken: cancellationToken);
        await api.Client.Api.ServiceRequests[id].Documents.PostAsync(
            new AttachDocumentsBody { Documents = references, ExpectedVersion = details!.Version }, cancellationToken: cancellationToken);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var service = await PortalApi.FindAsync(() => api.Client.Api.Services[code].GetAsync(cancellationToken: cancellationToken));
        Service = service!;
        return service is not null;
    }
}
