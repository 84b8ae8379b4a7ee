using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The assignee finishes an intermediate step; the next department's queue receives the request.</summary>
public sealed record CompleteStep(Guid RequestId, ExpectedVersion? Expected, Actor By, string Note) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<CompleteStep>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.Note).MaximumLength(2000);
        }
    }
}

public static class CompleteStepHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(CompleteStep command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        CompleteStep command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(ReviewDecisions.CompleteStep(request, command.Note ?? "", command.By, now), options.Value);
    }
}
