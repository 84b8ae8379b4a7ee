using FluentValidation;
using JasperFx.Events;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Staff;

namespace MyGovernment.Application.Staff;

/// <summary>Puts an officer on a department's roster (or changes their role there).</summary>
public sealed record EnrollOfficer([property: NotPersonal] string DepartmentCode, [property: NotPersonal] string OfficerId, string? NationalId, [property: NotPersonal] string Role, Actor By) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<EnrollOfficer>
    {
        public Validator()
        {
            RuleFor(c => c.DepartmentCode).NotEmpty().MaximumLength(40);
            RuleFor(c => c.OfficerId).NotEmpty().MaximumLength(100);
            RuleFor(c => c.NationalId).Length(9).When(c => c.NationalId is not null);
            RuleFor(c => c.Role).NotEmpty().MaximumLength(20);
        }
    }
}

public sealed record RosterChanged(string DepartmentCode, int Officers);

public static class EnrollOfficerHandler
{
    public static Task<IEventStream<DepartmentRoster>> LoadAsync(EnrollOfficer command, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForWriting<DepartmentRoster>(DepartmentRoster.StreamId(command.DepartmentCode), ct);

    public static RosterChanged Handle(EnrollOfficer command, IEventStream<DepartmentRoster> stream, TimeProvider clock)
    {
        var department = command.DepartmentCode.ToUpperInvariant();
        var events = RosterDecisions.Enroll(stream.Aggregate, department, command.OfficerId, command.NationalId, command.Role, command.By, clock.GetUtcNow());
        stream.AppendMany(events);
        var roster = events.Aggregate(stream.Aggregate, DepartmentRoster.Evolve);
        return new RosterChanged(department, roster?.Officers.Count ?? 0);
    }
}
