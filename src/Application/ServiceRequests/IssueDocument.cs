using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The document of an approved, paid request is issued with a verification code.</summary>
public sealed record IssueDocument(Guid RequestId, ExpectedVersion? Expected, Actor By, string VerificationCode) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<IssueDocument>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.VerificationCode).NotEmpty().Length(16);
        }
    }
}

public static class IssueDocumentHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(IssueDocument command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        IssueDocument command, IEventStream<ServiceRequest> stream, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(IssueDecisions.Issue(request, command.VerificationCode, command.By, now), options.Value);
    }
}
