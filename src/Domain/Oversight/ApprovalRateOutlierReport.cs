using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Oversight;

/// <summary>Report 7: officers whose approval rate on a service differs from their peers' beyond chance.</summary>
public sealed class ApprovalRateOutlierReport : IOversightReport
{
    public const string Name = "approval-rate-outliers";

    public ReportDescriptor Descriptor { get; } = new(7, Name, "Approval-rate outliers",
        "The sample: final decisions (RequestApproved, RequestRejected) in the period, narrowed by department and service, attributed to the officer who made them (the proposer when a second approver confirmed, else the decider). Per service and officer with at least Oversight:OutlierMinimumDecisions decisions, against the pooled decisions of the other officers of that service (at least Oversight:OutlierMinimumPeerDecisions): the officer's Wilson score interval at z = Oversight:OutlierZ is computed; peers' approval rate above the interval is 'approval-rate-low', below it 'approval-rate-high'. The officer filter selects findings, never the peers.",
        ["approval-rate-high", "approval-rate-low"]);

    public IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope)
    {
        var decisions = data.Requests
            .SelectMany(r => r.Events.Where(e => RequestHistory.IsDecision(e.Data)).Select(e => (Request: r, Event: e, Department: r.DepartmentAt(e))))
            .Where(d => scope.Samples(d.Event.At, d.Department, d.Request.ServiceCode))
            .Select(d => (d.Request, d.Event, d.Department, Officer: Maker(d.Event), Approved: d.Event.Data is RequestApproved))
            .Where(d => d.Officer is not null)
            .ToList();
        foreach (var service in decisions.GroupBy(d => d.Request.ServiceCode))
        {
            var total = service.Count();
            var approved = service.Count(d => d.Approved);
            foreach (var officer in service.GroupBy(d => d.Officer!))
            {
                var n = officer.Count();
                var k = officer.Count(d => d.Approved);
                var peers = total - n;
                if (n < settings.OutlierMinimumDecisions || peers < settings.OutlierMinimumPeerDecisions)
                {
                    continue;
                }
                var peerRate = (double)(approved - k) / peers;
                var (low, high) = Wilson(k, n, settings.OutlierZ);
                var rule = peerRate < low ? "approval-rate-high" : peerRate > high ? "approval-rate-low" : null;
                if (rule is null)
                {
                    continue;
                }
                var last = officer.MaxBy(d => d.Event.At);
                yield return new Finding(Name, rule, last.Event.At, officer.Key, last.Department, service.Key, null,
                    $"{officer.Key} approved {k} of {n} ({(double)k / n:P0}); peers {approved - k} of {peers} ({peerRate:P0}); officer's interval at z={settings.OutlierZ}: [{low:P0}, {high:P0}]",
                    [.. officer.OrderBy(d => d.Event.Sequence).Select(d => d.Event.Cite())]);
            }
        }
    }

    private static string? Maker(OversightEvent e) => e.Data switch
    {
        RequestApproved a => a.ProposedBy ?? a.By.Subject,
        RequestRejected r => r.ProposedBy ?? r.By.Subject,
        _ => null,
    };

    /// <summary>The Wilson score interval of k successes in n trials at z.</summary>
    public static (double Low, double High) Wilson(int k, int n, double z)
    {
        var p = (double)k / n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return (centre - half, centre + half);
    }
}
