using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>The applicant appeals a rejection within the appeal window; the request is reopened.</summary>
public sealed record AppealDecision(Guid RequestId, ExpectedVersion? Expected, Actor By, string Grounds) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<AppealDecision>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.Grounds).NotEmpty().MaximumLength(4000);
        }
    }
}

public static class AppealDecisionHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(AppealDecision command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static async Task<(ServiceRequestChanged, OutgoingMessages)> Handle(
        AppealDecision command, IEventStream<ServiceRequest> stream, TimeProvider clock, IWorkingCalendarSource calendars,
        IOptions<LifecycleOptions> options, CancellationToken ct)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var events = LifecycleDecisions.Reopen(request, command.Grounds, command.By, options.Value.AppealWindow, now, await calendars.GetAsync(ct));
        return stream.Append(events, options.Value);
    }
}
