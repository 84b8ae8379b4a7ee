using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>A supervisor gives the request to an officer on the roster of the step's department.</summary>
public sealed record AssignServiceRequest(Guid RequestId, ExpectedVersion? Expected, Actor By, [property: NotPersonal] string OfficerId) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<AssignServiceRequest>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.OfficerId).NotEmpty().MaximumLength(100);
        }
    }
}

public static class AssignServiceRequestHandler
{
    /// <summary>The request, then its department's roster at the roster stream's current version, folded only if it changed (<see cref="CatalogSnapshots"/>).</summary>
    public static async Task<(IEventStream<ServiceRequest>, DepartmentRoster?)> LoadAsync(
        AssignServiceRequest command, IDocumentSession session, CatalogSnapshots catalog, CancellationToken ct)
    {
        var stream = await ServiceRequestStream.LoadAsync(command, session, ct);
        var department = stream.Aggregate!.CurrentDepartment ?? "";
        var version = (await session.Events.FetchStreamStateAsync(DepartmentRoster.StreamId(department), ct))?.Version;
        return (stream, await catalog.RosterAsync(session, department, version, ct));
    }

    public static (ServiceRequestChanged, OutgoingMessages) Handle(
        AssignServiceRequest command, IEventStream<ServiceRequest> stream, DepartmentRoster? roster, TimeProvider clock, IOptions<LifecycleOptions> options)
    {
        // Requests go only to officers the department has put on its roster; the roster also tells us who they are.
        var officer = roster?.Officers.FirstOrDefault(o => o.OfficerId == command.OfficerId);
        var events = AssignmentDecisions.Assign(
            stream.Aggregate!, command.OfficerId, AssignmentMode.AssignedBySupervisor, command.By, clock.GetUtcNow(),
            officer?.NationalId, onRoster: officer is not null);
        return stream.Append(events, options.Value);
    }
}
