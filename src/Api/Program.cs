using JasperFx;
using MyGovernment.Api.Documents;
using MyGovernment.Api.Errors;
using MyGovernment.Api.Hosting;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Integrity;
using MyGovernment.Api.LocalDatabase;
using MyGovernment.Api.Notifications;
using MyGovernment.LocalPostgres;
using MyGovernment.Api.Localization;
using MyGovernment.Api.OpenApi;
using MyGovernment.Api.Operations;
using MyGovernment.Api.Oversight;
using MyGovernment.Api.Payments;
using MyGovernment.Api.Security;
using MyGovernment.Api.Webhooks;
using MyGovernment.Application.Catalog;
using MyGovernment.Integrity;
using MyGovernment.PaymentsSandbox;
using MyGovernment.SmsSandbox;
using Wolverine.Http;

// Lets the JasperFx command line find our own commands (verify, verify-proof) in this assembly.
[assembly: JasperFxAssembly]

// The auditor's offline check needs only the receipt and the public key: no database, host or configuration, so it
// runs before any of them (an auditor's machine need not have PostgreSQL).
if (args is [VerifyProofCommand.Name, .. var proofArgs])
{
    return await JasperFx.CommandLine.CommandExecutor.ExecuteCommandAsync<VerifyProofCommand>(proofArgs);
}

// A command with --urls would silently start the server instead: say how commands choose their port.
if (CommandLineGuard.Check(args) is { } refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return refused.ExitCode;
}

// Commands print what they did, not how the command line found them (help included); the server's console is untouched.
if (CommandLineGuard.IsCommand(args) || CommandLineGuard.IsHelp(args))
{
    Console.SetOut(new CommandDiscoveryNoiseFilter(Console.Out));
}

var builder = WebApplication.CreateBuilder(args);

builder.AddMyGovernmentLogging();
// Listing the commands needs no database: help starts none (the connection string is never opened).
var (connectionString, localCluster) = CommandLineGuard.IsHelp(args)
    ? ("Host=127.0.0.1;Database=help", (LocalPostgresCluster?)null)
    : await DatabaseConnection.ResolveAsync(builder);

builder.Services.AddMyGovernmentMarten(connectionString, builder.Configuration);
builder.UseMyGovernmentWolverine();
builder.AddMyGovernmentAuthentication();
builder.AddMyGovernmentRateLimiting();
builder.AddMyGovernmentAdmission();
builder.AddMyGovernmentPayments();
builder.AddMyGovernmentNotifications();
builder.Services.AddHostedService<CatalogSeeder>();
// Before the sealer's worker (hosted services start in order); Development turns it on.
if (!CommandLineGuard.IsHelp(args))
{
    builder.AddDevelopmentWitness(serve: !CommandLineGuard.IsCommand(args));
}
builder.Services.AddMyGovernmentIntegrity(connectionString, MartenSetup.Schema, builder.Configuration);
builder.Services.AddMyGovernmentOversight(builder.Configuration);
builder.Services.AddMyGovernmentHealthChecks(connectionString);
builder.AddMyGovernmentOperations();
builder.Services.AddMyGovernmentIdempotency(builder.Configuration);
builder.Services.AddMyGovernmentDocuments(builder.Configuration);
builder.AddMyGovernmentWebhooks();
builder.Services.Configure<RequestLimitsOptions>(builder.Configuration.GetSection("Limits"));

builder.Services.AddMyGovernmentErrors();
builder.Services.AddMyGovernmentLocalization();
builder.Services.AddMyGovernmentJsonContract();
builder.Services.AddWolverineHttp();
builder.Services.AddMyGovernmentOpenApi();
var portalInProcess = builder.AddPortalInProcess();

var app = builder.Build();

// Before anything reads the client's address (rate limiter); off unless proxies are configured.
app.UseMyGovernmentForwardedHeaders();
// The portal's own branch (HTML, cookies, anti-forgery) before any of the JSON API's middleware.
if (portalInProcess)
{
    app.UsePortalInProcess();
}
app.UseMiddleware<RequestLogging>();
// Outermost, so the exception handler and status code pages answer in the caller's language.
app.UseMyGovernmentLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseMiddleware<CardDataGuard>();
app.UseMiddleware<NulCharacterGuard>();
app.UseAuthentication();
app.UseMyGovernmentRateLimiting();
app.UseAuthorization();
app.UseMiddleware<CommandAdmissionMiddleware>();
app.UseMyGovernmentIdempotencyKeys();
// Innermost: a refusal is answered here rather than rethrown through every middleware above.
app.UseMiddleware<RefusalResponseMiddleware>();

app.MapMyGovernmentOpenApi();
app.MapMyGovernmentHealth();
app.MapDevelopmentTokens();
app.MapPaymentsSandbox();
app.MapSmsSandbox();
app.MapWolverineEndpoints(opts =>
{
    opts.RejectUnparseableQueryValues = true;
    opts.AddPolicy<RequireRequestBodyPolicy>();
});

try
{
    return await app.RunJasperFxCommands(args);
}
finally
{
    await Console.Out.FlushAsync();
    if (localCluster is not null)
    {
        await localCluster.StopAsync();
    }
}

/// <summary>Entry point; public so the integration tests can host it.</summary>
public partial class Program;
