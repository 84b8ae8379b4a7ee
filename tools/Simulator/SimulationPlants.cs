using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Simulator;

/// <summary>The planted violations: each happens once (twice where a report has two rules worth showing) and is recorded.</summary>
public sealed partial class SimulationPlanner
{
    private bool _stallPlanted;
    private readonly HashSet<Request> _jumpedOver = [];
    private bool _nonWorkingDayPlanted;

    /// <summary>Queue jumping: the jumper takes the newest request while older ones will be left waiting, and finishes it fast.</summary>
    private Request? PlantJump(Department department, Officer officer)
    {
        if (!_pending.Contains("queue-jumping") || officer != department.Officers[0])
        {
            return null;
        }
        var newest = department.Waiting.Where(r => r.Plant is null).MaxBy(r => r.EligibleAt);
        if (newest is null)
        {
            return null;
        }
        var free = department.Officers.Count(o => !o.Busy && o.Resumed.Count == 0);
        var others = department.Waiting.Where(r => r != newest).OrderBy(r => r.EligibleAt).ToList();
        // The other free officers take the oldest ones in this same round; an older one of the same queue (service
        // and step) must be left waiting behind the jump.
        var leftBehind = others.Skip(free - 1).Where(r => r.Service == newest.Service && r.Step == newest.Step
            && newest.EligibleAt - r.EligibleAt > _settings.QueueTolerance + TimeSpan.FromMinutes(30)).ToList();
        if (leftBehind.Count == 0)
        {
            return null;
        }
        _jumpedOver.UnionWith(leftBehind);
        _pending.Remove("queue-jumping");
        newest.Plant = "queue-jumping";
        _planted.Add(new PlantedViolation("queue-jumping", "taken-ahead", newest.Id, officer.Subject, $"took the newest request while {others.Count} older ones waited"));
        return newest;
    }

    /// <summary>SLA: a supervisor holds one request past its SLA before deciding, and takes another and never acts (stall).</summary>
    private void PlantSupervisorHold(Department department, DateTimeOffset now)
    {
        if (!_pending.Contains("sla-breaches"))
        {
            return;
        }
        // Never the last request a planted jump left behind: taken now, it was not waiting when the jump happened.
        var lastLeftBehind = department.Waiting.Where(_jumpedOver.Contains).Take(2).ToList() is [var only] ? only : null;
        var candidate = department.Waiting
            .Where(r => r.Plant is null && r != lastLeftBehind && !r.Service.SecondApprover && r.Service.Steps.Count == 1)
            .MinBy(r => r.EligibleAt);
        if (candidate is null)
        {
            return;
        }
        var supervisor = department.Supervisor;
        if (!_stallPlanted && department == _departments[0])
        {
            department.Waiting.Remove(candidate);
            candidate.Plant = "sla-breaches";
            Invoke(now, new ClaimServiceRequest(candidate.Id, null, supervisor.Actor));
            _steps.Add(new ViewStep(now, candidate.Id, supervisor.Actor));
            var late = _work.Add(_work.AddWorkingDays(now, candidate.Service.Sla + 2), 30);
            Schedule(late, () =>
            {
                Invoke(_now, new ProposeDecision(candidate.Id, null, supervisor.Actor, DecisionOutcome.Reject, "incomplete-documents", "Late decision."));
                Rejected(candidate);
            });
            _planted.Add(new PlantedViolation("sla-breaches", "sla-breached", candidate.Id, supervisor.Subject, $"decided {candidate.Service.Sla + 2} working days after eligibility (SLA {candidate.Service.Sla})"));
            _stallPlanted = true;
        }
        else if (_stallPlanted && department == _departments[^1] && (_departments.Count > 1 || _planted.Count(p => p.Report == "sla-breaches") == 1))
        {
            department.Waiting.Remove(candidate);
            candidate.Plant = "sla-breaches";
            Invoke(now, new ClaimServiceRequest(candidate.Id, null, supervisor.Actor));
            _planted.Add(new PlantedViolation("sla-breaches", "stalled", candidate.Id, supervisor.Subject, "claimed, then never touched again"));
            _pending.Remove("sla-breaches");
        }
    }

    /// <summary>After hours: one decision at 21:30 the same evening, one on the following Friday morning.</summary>
    private DateTimeOffset? PlantAfterHours(Officer officer, Request request)
    {
        if (!_pending.Contains("after-hours-decisions") || request.Plant is not null || request.Step != request.Service.Steps.Count - 1 || request.AskedInformation)
        {
            return null;
        }
        request.Plant = "after-hours-decisions";
        var local = PalestineTime.ToLocal(_now);
        var date = DateOnly.FromDateTime(local.DateTime);
        DateTimeOffset at;
        if (!_nonWorkingDayPlanted)
        {
            at = WorkTime.At(date, new TimeOnly(21, 30));
            _planted.Add(new PlantedViolation("after-hours-decisions", "outside-working-hours", request.Id, officer.Subject, "decided at 21:30 local time"));
            _nonWorkingDayPlanted = true;
        }
        else
        {
            var friday = date.AddDays(1);
            while (friday.DayOfWeek != DayOfWeek.Friday)
            {
                friday = friday.AddDays(1);
            }
            at = WorkTime.At(friday, new TimeOnly(10, 0));
            _planted.Add(new PlantedViolation("after-hours-decisions", "non-working-day", request.Id, officer.Subject, "decided on a Friday"));
            _pending.Remove("after-hours-decisions");
        }
        return at;
    }

    /// <summary>Violations that are their own requests or reads: self-dealing, issued without payment, orphaned money, browsing.</summary>
    private void PlantStandalone(DateTimeOffset start, int days)
    {
        var mid = start.AddDays(days / 2.0);
        var certificate = _services[0];
        if (_pending.Remove("self-dealing"))
        {
            var officer = _departments[0].Officers[^1];
            var applicant = new Actor("citizen-" + officer.Actor.NationalId, "citizen", null, officer.Actor.NationalId);
            Schedule(_work.Next(mid), () => Submit(certificate, "self-dealing", applicant, officer));
        }
        if (_pending.Remove("fee-discrepancies"))
        {
            Schedule(_work.Next(mid.AddHours(2)), () => Submit(certificate, "fee-discrepancies"));
        }
        foreach (var (plant, hours) in new[] { ("orphaned-money:unknown", 3), ("orphaned-money:authorised", 4), ("orphaned-money:settled", 5), ("orphaned-money:statement", 6) })
        {
            if (_pendingRules.ContainsValue("orphaned-money"))
            {
                Schedule(_work.Next(mid.AddHours(hours)), () => Submit(certificate, plant));
            }
        }
        if (_pending.Contains("browsing-without-purpose") && _departments.Count > 1)
        {
            _pending.Remove("browsing-without-purpose");
            var viewer = _departments[0].Officers[^1];
            foreach (var hours in new[] { 26, 50 })
            {
                Schedule(_work.Next(mid.AddHours(hours)), () =>
                {
                    var target = _submitted.LastOrDefault(r => !r.Service.Steps.Contains(viewer.Department) && r.Plant is null);
                    if (target is not null)
                    {
                        _steps.Add(new ViewStep(_now, target.Id, viewer.Actor));
                        _planted.Add(new PlantedViolation("browsing-without-purpose", "no-assignment", target.Id, viewer.Subject, "read a request of another department"));
                    }
                });
            }
        }
    }
}
