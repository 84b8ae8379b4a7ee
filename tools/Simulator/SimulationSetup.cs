using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Payments;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Staff;

namespace MyGovernment.Simulator;

public static class SimulationSetup
{
    /// <summary>
    /// Turns the API's host into a simulated office, refusing outside Development and Testing (checked on the
    /// host's own environment, so a Production configuration cannot be simulated on). Applied when the host is built,
    /// after the API's registrations, so its replacements win.
    /// </summary>
    public static IWebHostBuilder UseMyGovernmentSimulation(this IWebHostBuilder web) =>
        web.ConfigureServices((context, services) =>
        {
            SimulationGuard.EnsureAllowed(context.HostingEnvironment.EnvironmentName);
            services.AddMyGovernmentSimulation();
        });

    /// <summary>
    /// The business clock becomes a <see cref="SimulationClock"/>, the simulation assigns work itself (Manual), and
    /// the payment and applicant timeouts move out of the simulated period — their timers are scheduled in real time,
    /// and a simulated past would fire them at once. Payments go to a <see cref="SimulationPaymentProvider"/>, and the
    /// recurring re-check of unresolved payments is off (the plan asks the provider itself).
    /// </summary>
    private static void AddMyGovernmentSimulation(this IServiceCollection services)
    {
        var clock = new SimulationClock();
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.PostConfigure<LifecycleOptions>(o =>
        {
            o.AssignmentPolicy = AssignmentPolicy.Manual;
            o.PaymentDays = 3650;
            o.ApplicantResponseDays = 3650;
        });
        services.PostConfigure<PaymentsOptions>(o =>
        {
            o.SessionLifetime = TimeSpan.FromDays(3650);
            o.RecheckInterval = TimeSpan.Zero;
        });
        services.AddSingleton<SimulationPaymentProvider>();
        services.AddSingleton<IPaymentProvider>(provider => provider.GetRequiredService<SimulationPaymentProvider>());
        services.AddSingleton<SimulationRunner>();
    }
}
