using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>An officer of the current step's department takes the request.</summary>
public sealed record ClaimServiceRequest(Guid RequestId, ExpectedVersion? Expected, Actor By) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<ClaimServiceRequest>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
        }
    }
}

public static class ClaimServiceRequestHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(ClaimServiceRequest command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        ClaimServiceRequest command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(AssignmentDecisions.Claim(request, command.By, now), options.Value);
    }
}
