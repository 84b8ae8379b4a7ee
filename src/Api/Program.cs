using System.Text.Json.Serialization;
using JasperFx;
using MyGovernment.Api.Errors;
using MyGovernment.Api.Hosting;
using MyGovernment.Api.Identity;
using MyGovernment.Api.LocalDatabase;
using MyGovernment.Api.Payments;
using MyGovernment.Api.PaymentsSandbox;
using MyGovernment.Api.Security;
using Scalar.AspNetCore;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

var (connectionString, localCluster) = await DatabaseConnection.ResolveAsync(builder);

builder.Services.AddMyGovernmentMarten(connectionString, builder.Configuration);
builder.UseMyGovernmentWolverine();
builder.AddMyGovernmentAuthentication();
builder.AddMyGovernmentPayments();
builder.Services.AddHostedService<CatalogSeeder>();
builder.Services.AddMyGovernmentHealthChecks(connectionString);

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddWolverineHttp();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<CardDataGuard>();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}
app.MapMyGovernmentHealth();
app.MapDevelopmentTokens();
app.MapPaymentsSandbox();
app.MapWolverineEndpoints(opts => opts.RejectUnparseableQueryValues = true);

try
{
    return await app.RunJasperFxCommands(args);
}
finally
{
    if (localCluster is not null)
    {
        await localCluster.StopAsync();
    }
}

/// <summary>Entry point; public so the integration tests can host it.</summary>
public partial class Program;
