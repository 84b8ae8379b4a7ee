using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace MyGovernment.Web.SignIn;

/// <summary>
/// Sets the user from the portal's cookie on every portal request (pages that need no sign-in still show the
/// signed-in navigation). Not UseAuthentication: in the API's host the default scheme is the API's bearer scheme.
/// </summary>
public sealed class PortalUser(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(PortalAuth.Scheme);
        if (result.Succeeded)
        {
            context.User = result.Principal;
        }
        await next(context);
    }
}
