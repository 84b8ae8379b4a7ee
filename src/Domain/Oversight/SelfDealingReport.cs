namespace MyGovernment.Domain.Oversight;

/// <summary>Report 2: staff acting on a request whose applicant they are (the domain refuses it; the events are checked anyway).</summary>
public sealed class SelfDealingReport : IOversightReport
{
    public const string Name = "self-dealing";

    public ReportDescriptor Descriptor { get; } = new(2, Name, "Self-dealing",
        "An officer or supervisor acted on a request (any event whose actor is staff) while the national ID in their token equals the request's applicant ID. One finding per request and officer, citing every such event.",
        ["acted-on-own-request"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        foreach (var request in data.Requests)
        {
            var applicant = request.Submitted?.ApplicantId;
            if (applicant is null)
            {
                continue;
            }
            var acts = request.Events
                .Where(e => e.Actor is { IsStaff: true, NationalId: { } id } && string.Equals(id, applicant, StringComparison.Ordinal))
                .GroupBy(e => e.Actor!.Subject);
            foreach (var group in acts)
            {
                var first = group.First();
                yield return new Finding(Name, "acted-on-own-request", first.At, group.Key, first.Actor!.Department ?? request.DepartmentAt(first),
                    request.ServiceCode, request.RequestId,
                    $"{group.Key} is the applicant of this request (national IDs match) and acted on it {group.Count()} time(s): {string.Join(", ", group.Select(e => e.Type).Distinct())}",
                    [.. group.Select(e => e.Cite())]);
            }
        }
    }
}
