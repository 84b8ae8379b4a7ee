using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wolverine;

namespace MyGovernment.Application.Payments;

/// <summary>
/// Every <see cref="PaymentsOptions.RecheckInterval"/>, publishes <see cref="RecheckPendingPayments"/>. Each node does;
/// the work is idempotent (each refresh re-decides on the current stream), so a second node only repeats a check.
/// </summary>
public sealed class PaymentRecheckScheduler(IServiceScopeFactory scopes, IOptions<PaymentsOptions> options, ILogger<PaymentRecheckScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RecheckInterval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.RecheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new RecheckPendingPayments());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not queue the payment re-check; trying again at the next interval.");
            }
        }
    }
}
