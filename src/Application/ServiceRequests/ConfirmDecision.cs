using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The checker confirms the proposed decision (never the maker).</summary>
public sealed record ConfirmDecision(Guid RequestId, ExpectedVersion? Expected, Actor By, string Note) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<ConfirmDecision>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.Note).MaximumLength(4000);
        }
    }
}

public static class ConfirmDecisionHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(ConfirmDecision command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        ConfirmDecision command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(DecidingDecisions.Confirm(request, command.Note ?? "", command.By, now), options.Value);
    }
}
