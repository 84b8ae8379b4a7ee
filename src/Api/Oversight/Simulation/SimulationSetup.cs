using MyGovernment.Application.Payments;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Staff;

namespace MyGovernment.Api.Oversight.Simulation;

public static class SimulationSetup
{
    /// <summary>
    /// For the `simulate` command (or Simulation:Enabled, for test hosts): the business clock becomes a
    /// <see cref="SimulationClock"/>, the simulation assigns work itself (Manual), and the payment and applicant
    /// timeouts move out of the simulated period — their timers are scheduled in real time, and a simulated past
    /// would fire them at once. Payments go to a <see cref="SimulationPaymentProvider"/>, and the recurring re-check of
    /// unresolved payments is off (the plan asks the provider itself). Registered after the real clock and the real
    /// provider, so they win.
    /// </summary>
    public static void AddMyGovernmentSimulation(this WebApplicationBuilder builder, string[] args)
    {
        var simulating = args.Length > 0 && string.Equals(args[0], SimulateCommand.Name, StringComparison.OrdinalIgnoreCase);
        if (!simulating && !builder.Configuration.GetValue("Simulation:Enabled", false))
        {
            return;
        }
        var clock = new SimulationClock();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.PostConfigure<LifecycleOptions>(o =>
        {
            o.AssignmentPolicy = AssignmentPolicy.Manual;
            o.PaymentDays = 3650;
            o.ApplicantResponseDays = 3650;
        });
        builder.Services.PostConfigure<PaymentsOptions>(o =>
        {
            o.SessionLifetime = TimeSpan.FromDays(3650);
            o.RecheckInterval = TimeSpan.Zero;
        });
        builder.Services.AddSingleton<SimulationPaymentProvider>();
        builder.Services.AddSingleton<IPaymentProvider>(services => services.GetRequiredService<SimulationPaymentProvider>());
        builder.Services.AddSingleton<SimulationRunner>();
    }
}
