using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The assignee decides, or proposes where the service needs a second approver.</summary>
public sealed record ProposeDecision(Guid RequestId, ExpectedVersion? Expected, Actor By, DecisionOutcome Outcome, [property: NotPersonal] string? ReasonCode, string Note) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<ProposeDecision>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.Outcome).IsInEnum();
            RuleFor(c => c.ReasonCode).MaximumLength(40);
            RuleFor(c => c.Note).NotEmpty().MaximumLength(4000);
        }
    }
}

public static class ProposeDecisionHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(ProposeDecision command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        ProposeDecision command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(DecidingDecisions.Propose(request, command.Outcome, command.ReasonCode, command.Note, command.By, now), options.Value);
    }
}
