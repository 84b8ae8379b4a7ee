using MyGovernment.Application.Privacy;
using FluentValidation;
using Marten;
using JasperFx.Events;
using Microsoft.Extensions.Options;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The assignee asks another department for its opinion.</summary>
public sealed record ReferServiceRequest(Guid RequestId, ExpectedVersion? Expected, Actor By, [property: NotPersonal] string ToDepartment, string Reason) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<ReferServiceRequest>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.ToDepartment).NotEmpty().MaximumLength(40);
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
        }
    }
}

public static class ReferServiceRequestHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(ReferServiceRequest command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        ReferServiceRequest command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(ReviewDecisions.Refer(request, command.ToDepartment, command.Reason, command.By, now), options.Value);
    }
}
