using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Shared;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Hosting;

/// <summary>
/// Composes the portal into a host: <see cref="AddPortal"/> for services, <see cref="UsePortal"/> for the pipeline.
/// The same two calls serve the API in Development (in-process, beside the JSON API) and src/Web.Host in production.
/// </summary>
public static class PortalSetup
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(PortalOptions.Section);
        var options = section.Get<PortalOptions>() ?? new PortalOptions();
        if (options.DevelopmentSignIn && !(environment.IsDevelopment() || environment.IsEnvironment("Testing")))
        {
            throw new InvalidOperationException(
                $"Portal:DevelopmentSignIn is set in the '{environment.EnvironmentName}' environment; configure Portal:Oidc instead.");
        }
        services.Configure<PortalOptions>(section);
        services.AddHttpContextAccessor();
        services.AddRazorPages()
            .AddApplicationPart(typeof(PortalSetup).Assembly);
        services.AddSingleton<PortalAssets>();
        services.AddSingleton<ApiAddress>();
        services.AddScoped<Language>();
        services.AddScoped<PortalApi>();
        services.AddHttpClient(PortalApi.HttpClientName);
        services.AddPortalSignIn(options);
        // HTML only: the static assets are compressed once at start (PortalAssets), the API's JSON is not ours.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/html"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        return services;
    }

    /// <summary>
    /// A branch of the pipeline for every path the host does not own (<paramref name="hostOwns"/>), with the portal's
    /// own middleware: HTML error pages, cookie sign-in, anti-forgery, compression. The host's JSON middleware
    /// (bearer tokens, problem+json, rate limits) never sees a portal request, and the portal never sees theirs.
    /// </summary>
    public static IApplicationBuilder UsePortal(this IApplicationBuilder app, Func<PathString, bool>? hostOwns = null)
    {
        hostOwns ??= _ => false;
        return app.MapWhen(context => !hostOwns(context.Request.Path), portal =>
        {
            portal.UseMiddleware<SecurityHeaders>();
            portal.UseResponseCompression();
            portal.UseMiddleware<PortalAssetsMiddleware>();
            portal.UseExceptionHandler("/error");
            portal.UseStatusCodePagesWithReExecute("/not-found");
            portal.UseRouting();
            portal.UseMiddleware<PortalUser>();
            portal.UseAuthorization();
            portal.UseEndpoints(endpoints => endpoints.MapRazorPages());
        });
    }
}
