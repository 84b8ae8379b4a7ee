using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The applicant withdraws the request before a decision.</summary>
public sealed record WithdrawServiceRequest(Guid RequestId, ExpectedVersion? Expected, Actor By, string Reason) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<WithdrawServiceRequest>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.Reason).MaximumLength(2000);
        }
    }
}

public static class WithdrawServiceRequestHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(WithdrawServiceRequest command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        WithdrawServiceRequest command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(LifecycleDecisions.Withdraw(request, command.Reason ?? "", command.By, now), options.Value);
    }
}
