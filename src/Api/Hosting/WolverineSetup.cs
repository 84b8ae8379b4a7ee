using FluentValidation;
using JasperFx.CodeGeneration;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.Idempotency;
using MyGovernment.Application.Messaging;
using MyGovernment.Application.Metadata;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.Staff;
using MyGovernment.Application.Validation;
using Wolverine;

namespace MyGovernment.Api.Hosting;

public static class WolverineSetup
{
    public static void UseMyGovernmentWolverine(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatorsFromAssemblyContaining<SubmitServiceRequest>(ServiceLifetime.Singleton);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<LifecycleOptions>(builder.Configuration.GetSection("Lifecycle"));
        builder.Services.AddSingleton<CatalogSnapshots>();
        builder.Services.AddSingleton<IWorkingCalendarSource, WorkingCalendarSource>();
        builder.Services.AddSingleton<IOfficerWorkload, OfficerWorkload>();
        builder.Services.AddSingleton<MyGovernment.Application.ServiceRequests.Documents.IIssuedDocumentLookup, MyGovernment.Api.ServiceRequests.Documents.IssuedDocumentLookup>();

        builder.Services.AddSingleton<SlaSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SlaSweep>());

        var cluster = ClusterTimings.From(builder.Configuration);
        builder.Services.AddSingleton(cluster);

        builder.Host.UseWolverine(opts =>
        {
            // docs/operations.md "Several nodes": a dead node's accepted work is taken over within seconds.
            cluster.ApplyTo(opts.Durability);
            // Under a test runner the entry assembly is the test executable: name ours explicitly.
            opts.ApplicationAssembly = typeof(Program).Assembly;
            opts.Discovery.IncludeAssembly(typeof(SubmitServiceRequest).Assembly);
            opts.Policies.AutoApplyTransactions();
            // Scheduled timers and cascaded messages are persisted with the events they follow (outbox).
            opts.Policies.UseDurableLocalQueues();
            FollowUpQueues.From(builder.Configuration).ApplyTo(opts);
            opts.Policies.Add<FluentValidationPolicy>();
            MessageFailurePolicies.Apply(opts);
            // Stores the Idempotency-Key record in the command's own transaction (README "Idempotency").
            opts.Policies.Add<IdempotencyPolicy>();
            opts.Policies.Add<EventMetadataPolicy>();

            // See README "Code generation": dynamic in development and tests, pre-generated code is the production option.
            opts.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue("Wolverine:TypeLoadMode", TypeLoadMode.Dynamic);
            opts.UseRuntimeCompilation();
        });
    }
}
