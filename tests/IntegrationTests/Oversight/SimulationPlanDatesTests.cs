using MyGovernment.Application.Catalog;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Simulator;
using Shouldly;

namespace MyGovernment.IntegrationTests.Oversight;

/// <summary>
/// The simulated office plans the three weeks that end a week before the day it runs, so where weekends and holidays
/// fall changes what its queue offers. Every violation the oversight tests expect must be planted for real whatever
/// the date. Before the planner re-planned on a miss, on some days the SLA or the fee plant found no occasion, and on
/// others the approval-rate outlier was recorded as planted when its officer had decided 6 of the service's requests
/// (the report needs 8 here), so the report rightly found nothing and the test failed by the calendar.
/// </summary>
public sealed class SimulationPlanDatesTests
{
    private static readonly WorkingCalendar DemoCalendar = new(DemoCatalog.Holidays.Select(h => h.Date).ToHashSet());

    [Fact]
    public void Every_violation_is_planted_on_every_day_of_ten_weeks()
    {
        var settings = SimulatedOffice.Settings();
        var options = SimulatedOffice.Options("VIOL", 23, SimulationOptions.ViolationKinds.ToHashSet()) with
        {
            OutlierMinimumDecisions = settings.OutlierMinimumDecisions,
        };
        for (var today = new DateOnly(2026, 11, 1); today < new DateOnly(2027, 1, 10); today = today.AddDays(1))
        {
            var plan = SimulationPlanner.Plan(options, settings, DemoCalendar, today);

            plan.Planted.ShouldNotContain(p => p.Rule == "not-planted", $"{today:yyyy-MM-dd}: {string.Join("; ", plan.Planted.Where(p => p.Rule == "not-planted"))}");
            var outlier = plan.Planted.Single(p => p.Rule == "approval-rate-high");
            var decisions = OutlierServiceDecisions(plan);
            var own = decisions.Where(d => d.By.Subject == outlier.Officer).ToList();
            own.Count.ShouldBeGreaterThanOrEqualTo(settings.OutlierMinimumDecisions, $"{today:yyyy-MM-dd}");
            own.ShouldAllBe(d => d.Outcome == DecisionOutcome.Approve);
            (decisions.Count - own.Count).ShouldBeGreaterThanOrEqualTo(settings.OutlierMinimumPeerDecisions, $"{today:yyyy-MM-dd}");
        }
    }

    private static List<ProposeDecision> OutlierServiceDecisions(SimulationPlan plan)
    {
        var commands = plan.Steps.OfType<InvokeStep>().Select(s => s.Command).ToList();
        var outlierRequests = commands.OfType<SubmitServiceRequest>().Where(s => s.ServiceCode.EndsWith("-D1-GRANT", StringComparison.Ordinal))
            .Select(s => s.RequestId).ToHashSet();
        return [.. commands.OfType<ProposeDecision>().Where(d => outlierRequests.Contains(d.RequestId))];
    }
}
