using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The consulted department returns its opinion.</summary>
public sealed record ReturnReferral(Guid RequestId, ExpectedVersion? Expected, Actor By, string Opinion) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<ReturnReferral>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.Opinion).NotEmpty().MaximumLength(4000);
        }
    }
}

public static class ReturnReferralHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(ReturnReferral command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        ReturnReferral command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(ReviewDecisions.ReturnReferral(request, command.Opinion, command.By, now), options.Value);
    }
}
