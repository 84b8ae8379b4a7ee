using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
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

/// <summary>Whether the department a referral names is registered in the catalog.</summary>
public sealed record ReferralTarget(bool Registered);

public static class ReferServiceRequestHandler
{
    public static async Task<(IEventStream<ServiceRequest>, ReferralTarget)> LoadAsync(ReferServiceRequest command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await ServiceRequestStream.LoadAsync(command, session, ct);
        // Wolverine runs LoadAsync before the validation middleware: tolerate what the validator refuses.
        var code = command.ToDepartment?.Trim() ?? "";
        var registered = code.Length is > 0 and <= 40 && await session.Events.FetchStreamStateAsync(CatalogIds.Department(code), ct) is not null;
        return (stream, new ReferralTarget(registered));
    }

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        ReferServiceRequest command, IEventStream<ServiceRequest> stream, ReferralTarget target, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(ReviewDecisions.Refer(request, command.ToDepartment, command.Reason, command.By, now, target.Registered), options.Value);
    }
}
