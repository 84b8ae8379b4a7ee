using System.Security.Claims;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyGovernment.Api.Identity;
using MyGovernment.Application.AccessLog;
using MyGovernment.Application.Messaging;
using MyGovernment.Application.Metadata;
using MyGovernment.Integrity;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;
using Wolverine;

namespace MyGovernment.Simulator;

public sealed record SimulationResult(int Steps, int Commands, int Failures, IReadOnlyList<string> FailureSamples, double Seconds);

/// <summary>
/// Plays a <see cref="SimulationPlan"/>: sets the simulation clock to each step's instant and sends each command
/// through the message bus (<c>IMessageBus.InvokeAsync</c>), so validation, the domain's rules, event metadata and the inline
/// projections run exactly as for an API call. A refused command is counted, never hidden.
/// </summary>
public sealed class SimulationRunner(
    IServiceScopeFactory scopes, SimulationClock clock, IDocumentStore store, IntegrityLog log, IntegrityDatabase db, SimulationPaymentProvider provider,
    ILogger<SimulationRunner> logger)
{
    public async Task<SimulationResult> RunAsync(SimulationPlan plan, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        int commands = 0, failures = 0;
        var samples = new List<string>();
        foreach (var step in plan.Steps)
        {
            clock.Set(step.At);
            try
            {
                switch (step)
                {
                    case InvokeStep invoke:
                        commands++;
                        await InvokeAsync(bus, invoke.Command, ct);
                        break;
                    case AppendStep append:
                        await AppendAsync(append, ct);
                        break;
                    case ViewStep view:
                        await ViewAsync(view, ct);
                        break;
                    case ProviderOutageStep outage:
                        provider.TakeOffline(outage.PaymentId);
                        break;
                    case TamperStep tamper:
                        await TamperAsync(tamper, ct);
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures++;
                if (samples.Count < 20)
                {
                    samples.Add($"{step.At:u} {Describe(step)}: {e.GetType().Name}: {e.Message}");
                }
                logger.LogWarning("Simulation step {Step} failed: {Error}", Describe(step), e.Message);
            }
        }
        clock.Release();
        return new SimulationResult(plan.Steps.Count, commands, failures, samples, started.Elapsed.TotalSeconds);
    }

    /// <summary>A timer firing on the same stream can win the race: the command is simply sent again.</summary>
    private async Task InvokeAsync(IMessageBus bus, object command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await bus.InvokeAsync(command, ct);
                return;
            }
            // Either form of the lost race: Marten's version check, or the (stream, version) key when both appends
            // passed it (by name alone the second, EventStreamUnexpectedMaxEventIdException, went unretried).
            catch (Exception e) when (attempt < 3 && (DatabaseFailures.IsLostAppendRace(e) || DatabaseFailures.IsWrappedVersionConflict(e)))
            {
                logger.LogDebug("Retrying {Command} after a concurrent append", command.GetType().Name);
            }
        }
    }

    private async Task AppendAsync(AppendStep step, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        EventMetadata.Apply(session, step.Actor, "simulation", "simulation:planted", step.At);
        // With the stream's version stated, Marten numbers the events before the inline projections run (a read
        // model keeping the version, as the payments one does for reconciliation's concurrency check, stays right).
        var state = await session.Events.FetchStreamStateAsync(step.StreamId, ct);
        session.Events.Append(step.StreamId, (state?.Version ?? 0) + step.Events.Count, step.Events.ToArray());
        await session.SaveChangesAsync(ct);
    }

    private async Task ViewAsync(ViewStep step, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var details = await session.LoadAsync<ServiceRequestDetails>(step.RequestId, ct)
            ?? throw new InvalidOperationException($"request {step.RequestId} not found");
        var claims = new List<Claim> { new(ClaimNames.Subject, step.Viewer.Subject), new(ClaimNames.Role, step.Viewer.Role) };
        if (step.Viewer.Department is { } department)
        {
            claims.Add(new Claim(ClaimNames.Department, department));
        }
        if (step.Viewer.NationalId is { } nationalId)
        {
            claims.Add(new Claim(ClaimNames.NationalId, nationalId));
        }
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "simulation", ClaimNames.Subject, ClaimNames.Role));
        await AccessRecorder.RecordAsync(session, user.ToActor(), details, "request-details", clock, ct);
    }

    /// <summary>Seals and signs the log as it is, then edits one decision event behind its back, as someone with database access could.</summary>
    private async Task TamperAsync(TamperStep step, CancellationToken ct)
    {
        await log.CheckpointAsync(force: true, ct);
        await using var connection = await db.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $$"""
            update {{db.Schema}}.mt_events set data = jsonb_set(data, '{note}', '"edited after the fact"')
            where seq_id = (select max(seq_id) from {{db.Schema}}.mt_events where stream_id = @id and type in (@approved, @rejected, @proposed))
            """, connection);
        command.Parameters.AddWithValue("id", step.RequestId);
        command.Parameters.AddWithValue("approved", "request_approved");
        command.Parameters.AddWithValue("rejected", "request_rejected");
        command.Parameters.AddWithValue("proposed", "decision_proposed");
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Describe(SimStep step) => step switch
    {
        InvokeStep i => i.Command.GetType().Name,
        AppendStep a => "append " + string.Join("+", a.Events.Select(e => e.GetType().Name)),
        ViewStep => "view",
        _ => step.GetType().Name,
    };
}
