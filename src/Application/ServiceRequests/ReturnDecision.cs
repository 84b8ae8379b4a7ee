using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The checker sends the proposed decision back to review.</summary>
public sealed record ReturnDecision(Guid RequestId, ExpectedVersion? Expected, Actor By, string Reason) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<ReturnDecision>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        }
    }
}

public static class ReturnDecisionHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(ReturnDecision command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        ReturnDecision command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(DecidingDecisions.Return(request, command.Reason, command.By, now), options.Value);
    }
}
