using FluentValidation;
using JasperFx.CodeGeneration;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.Validation;
using Wolverine;

namespace MyGovernment.Api.Hosting;

public static class WolverineSetup
{
    public static void UseMyGovernmentWolverine(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatorsFromAssemblyContaining<SubmitServiceRequest>(ServiceLifetime.Singleton);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Host.UseWolverine(opts =>
        {
            // Under a test runner the entry assembly is the test executable: name ours explicitly.
            opts.ApplicationAssembly = typeof(Program).Assembly;
            opts.Discovery.IncludeAssembly(typeof(SubmitServiceRequest).Assembly);
            opts.Policies.AutoApplyTransactions();
            opts.Policies.Add<FluentValidationPolicy>();

            // See README "Code generation": dynamic in development and tests, pre-generated code is the production option.
            opts.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue("Wolverine:TypeLoadMode", TypeLoadMode.Dynamic);
            opts.UseRuntimeCompilation();
        });
    }
}
