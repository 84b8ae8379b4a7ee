using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Shared;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Account;

/// <summary>
/// Production: straight to the identity provider (code flow with PKCE). Development: a persona picker that asks the
/// engine for a development token (POST /dev/tokens) and keeps it in the server-side session.
/// </summary>
public sealed class SignInModel(PortalApi api, IOptions<PortalOptions> options) : PageModel
{
    public static readonly string[] Personas = ["citizen", "officer", "supervisor", "finance", "auditor", "oversight", "admin"];

    /// <summary>A valid demo national ID, so a newcomer can sign in as a citizen without inventing one.</summary>
    public const string DemoNationalId = "400000008";

    [BindProperty] public string Persona { get; set; } = "citizen";
    [BindProperty] public string? NationalId { get; set; } = DemoNationalId;
    [BindProperty] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Back { get; set; }

    public IReadOnlyList<DepartmentEntry> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DevelopmentSignIn)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = SafeBack() }, PortalAuth.OidcScheme);
        }
        Departments = await api.Client.Api.Departments.GetAsync(cancellationToken: cancellationToken) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DevelopmentSignIn || !Personas.Contains(Persona))
        {
            return NotFound();
        }
        var citizen = Persona == "citizen";
        var staffOfDepartment = Persona is "officer" or "supervisor";
        var subject = citizen ? $"citizen-{NationalId}" : staffOfDepartment ? $"{Persona}-{Department}" : $"{Persona}-demo";
        DevelopmentTokenResponse token;
        try
        {
            token = await api.Client.Dev.Tokens.PostAsync(new DevelopmentTokenRequest
            {
                Subject = subject,
                Role = Persona,
                NationalId = citizen ? NationalId : null,
                Department = staffOfDepartment ? Department : null,
            }, cancellationToken: cancellationToken) ?? throw new InvalidOperationException("The engine minted no token.");
        }
        catch (MyGovernment.Client.Models.ValidationProblemDetails problem)
        {
            EngineErrors.AddTo(ModelState, problem);
            Departments = await api.Client.Api.Departments.GetAsync(cancellationToken: cancellationToken) ?? [];
            return Page();
        }
        var claims = new List<Claim> { new("sub", subject), new(PortalAuth.RoleClaim, Persona) };
        if (staffOfDepartment && Department is not null)
        {
            claims.Add(new Claim("department", Department));
        }
        var properties = new AuthenticationProperties { RedirectUri = SafeBack() };
        properties.StoreTokens([new AuthenticationToken { Name = PortalAuth.AccessToken, Value = token.AccessToken! }]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, PortalAuth.Scheme, "sub", PortalAuth.RoleClaim));
        await HttpContext.SignInAsync(PortalAuth.Scheme, principal, properties);
        return LocalRedirect(properties.RedirectUri!);
    }

    private string SafeBack() => Url.IsLocalUrl(Back) ? Back : "/";
}
