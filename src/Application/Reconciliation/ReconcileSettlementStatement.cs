using FluentValidation;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Application.Reconciliation;

/// <summary>
/// Finance imports one day's settlement statement from a provider and has it matched against our payments. The
/// lines carry provider references and amounts only, nothing about the payer.
/// </summary>
public sealed record ReconcileSettlementStatement(
    Guid ReconciliationId, string Provider, DateOnly StatementDate, string Sha256, IReadOnlyList<StatementLine> Lines, Actor By) : LogSafeMessage
{
    /// <summary>A day's statement of a national portal: generous, but a bound keeps one import one transaction.</summary>
    public const int MaxLines = 50_000;

    public sealed class Validator : AbstractValidator<ReconcileSettlementStatement>
    {
        public Validator()
        {
            RuleFor(c => c.ReconciliationId).NotEmpty();
            RuleFor(c => c.Provider).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Sha256).Matches("^[0-9a-f]{64}$");
            RuleFor(c => c.Lines).NotNull().Must(l => l.Count <= MaxLines).WithMessage($"A statement may have at most {MaxLines} lines.");
            RuleForEach(c => c.Lines).ChildRules(line =>
            {
                line.RuleFor(l => l.ProviderReference).NotEmpty().MaximumLength(100).WithName(l => $"line {l.Line}: sessionId");
                line.RuleFor(l => l.MerchantReference).MaximumLength(100).WithName(l => $"line {l.Line}: merchantReference");
                line.RuleFor(l => l.Amount.Amount).GreaterThan(0m).WithName(l => $"line {l.Line}: amount");
                line.RuleFor(l => l.Amount.Currency).Matches("^[A-Z]{3}$").WithName(l => $"line {l.Line}: currency");
                line.RuleFor(l => l.Fee).GreaterThanOrEqualTo(0m).WithName(l => $"line {l.Line}: fee");
                line.RuleFor(l => l.Net).Must((l, net) => net == l.Amount.Amount - l.Fee)
                    .WithMessage(l => $"line {l.Line}: net must be amount minus fee.");
            }).When(c => c.Lines is not null);
            RuleFor(c => c.By).NotNull();
        }
    }
}

/// <summary>What an import answers: the reconciliation's id and how many items fell in each category.</summary>
public sealed record ReconciliationDone(Guid ReconciliationId, IReadOnlyDictionary<ReconciliationCategory, int> Counts);

/// <summary>Finds the payments a statement may concern (implemented over the payments read model, which is inline).</summary>
public interface IReconciliationPaymentLookup
{
    /// <summary>Payments with one of these provider sessions or ids, and every payment captured in [from, until).</summary>
    Task<IReadOnlyList<PaymentForReconciliation>> FindAsync(
        IReadOnlyCollection<string> providerSessionIds, IReadOnlyCollection<Guid> paymentIds, DateTimeOffset capturedFrom, DateTimeOffset capturedUntil,
        CancellationToken ct);
}

/// <summary>
/// Starts the reconciliation's stream and appends settlement, reconciliation and flags to every payment it touched,
/// in one transaction. Each payment append states the version the decision was made on, so a payment that moved
/// meanwhile (a late webhook, a refund) fails the whole import with 409 and it is simply imported again.
/// </summary>
public static class ReconcileSettlementStatementHandler
{
    public static async Task<ReconciliationDone> Handle(
        ReconcileSettlementStatement command, IDocumentSession session, IReconciliationPaymentLookup lookup, TimeProvider clock, CancellationToken ct)
    {
        var sessions = command.Lines.Select(l => l.ProviderReference).Distinct(StringComparer.Ordinal).ToList();
        var ids = command.Lines.Select(l => Guid.TryParse(l.MerchantReference, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var (from, until) = Reconciler.Day(command.StatementDate);
        var payments = await lookup.FindAsync(sessions, ids, from, until, ct);

        var outcome = Reconciler.Reconcile(
            command.ReconciliationId, command.Provider, command.StatementDate, command.Sha256, command.Lines, payments, command.By, clock.GetUtcNow());

        session.Events.StartStream(command.ReconciliationId, [.. outcome.ReconciliationEvents]);
        var versions = payments.ToDictionary(p => p.PaymentId, p => p.Version);
        foreach (var (paymentId, events) in outcome.PaymentEvents)
        {
            session.Events.Append(paymentId, versions[paymentId] + events.Count, [.. events]);
        }
        var counts = Enum.GetValues<ReconciliationCategory>()
            .ToDictionary(c => c, c => outcome.Items.Count(i => i.Category == c));
        return new ReconciliationDone(command.ReconciliationId, counts);
    }
}
