using MyGovernment.Web.Hosting;

// The portal in its own process (production): settings in section "Portal" (ApiBaseUrl, Oidc). Everything it
// serves is the portal's; the engine is reached over HTTP only.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPortal(builder.Configuration, builder.Environment);
var app = builder.Build();
app.UseForwardedHeaders();
app.UsePortal();
await app.RunAsync();
