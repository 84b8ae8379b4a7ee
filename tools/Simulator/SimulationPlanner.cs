using System.Globalization;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.Staff;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Simulator;

/// <summary>
/// A discrete-event simulation of a government office, deterministic for a seed: citizens submit at any hour and
/// pay; each department's officers, during working hours only, take the oldest waiting request (first come, first
/// served), view it, sometimes ask the applicant for information, complete steps or decide; supervisors confirm
/// where a second approver is needed; approved requests are issued. Clean activity therefore breaks none of the
/// report rules; each requested violation is planted on purpose and recorded. The output is a time-ordered plan of
/// commands that <see cref="SimulationRunner"/> sends through Wolverine.
/// </summary>
public sealed partial class SimulationPlanner
{
    private sealed class Department(string code)
    {
        public string Code { get; } = code;
        public List<Officer> Officers { get; } = [];
        public Officer Supervisor { get; set; } = null!;
        public List<Request> Waiting { get; } = [];
    }

    private sealed class Officer(Actor actor, Department department)
    {
        public Actor Actor { get; } = actor;
        public Department Department { get; } = department;
        public bool Busy { get; set; }
        public Queue<Request> Resumed { get; } = new();
        public string Subject => Actor.Subject;
    }

    private sealed record ServiceDef(string Code, IReadOnlyList<Department> Steps, bool SecondApprover, int Sla, decimal Fee);

    private sealed class Request(Guid id, ServiceDef service, Actor applicant)
    {
        public Guid Id { get; } = id;
        public ServiceDef Service { get; } = service;
        public Actor Applicant { get; } = applicant;
        public int Step { get; set; }
        public DateTimeOffset EligibleAt { get; set; }
        public Officer? Holder { get; set; }
        public bool AskedInformation { get; set; }
        public bool Approve { get; set; }
        public string? Plant { get; set; }
        public Officer? PlantOfficer { get; set; }
        public List<SimPayment> Payments { get; } = [];
    }

    private readonly SimulationOptions _options;
    private readonly OversightSettings _settings;
    private readonly WorkTime _work;
    private readonly Random _random;
    private readonly List<SimStep> _steps = [];
    private readonly List<PlantedViolation> _planted = [];
    private readonly PriorityQueue<Action, (DateTimeOffset, long)> _agenda = new();
    private readonly List<Department> _departments = [];
    private readonly List<ServiceDef> _services = [];
    private readonly HashSet<string> _pending;
    private readonly List<Request> _submitted = [];
    private readonly Actor _admin;
    private readonly Actor _finance;
    private long _order;
    private int _requests;
    private int _citizen;
    private long _ids;
    private ServiceDef? _outlierService;

    private SimulationPlanner(SimulationOptions options, OversightSettings settings, WorkingCalendar calendar, int outlierHalves)
    {
        _outlierHalves = outlierHalves;
        _options = options;
        _settings = settings;
        _work = new WorkTime(settings, calendar);
        _random = new Random(options.Seed);
        _pending = [.. options.Violations.Where(v => !MoneyReports.Contains(v))];
        _admin = new Actor(Lower("admin"), "admin");
        _finance = new Actor(Lower("finance"), "finance", Code("FINANCE"));
        SetUpTreasury();
    }

    /// <summary>
    /// Plans the period that ends a week before <paramref name="today"/> (or at <see cref="SimulationOptions.End"/>).
    /// A violation is planted when the office's activity offers the occasion (a request waiting behind a newer one, a
    /// supervisor free to hold one past its SLA, enough decisions for the outlier to be judged), and where weekends
    /// and holidays fall in the period decides whether it does. When a requested violation found none, the office is
    /// planned again with a seed derived from the given one (and, for the outlier, more of its service's requests),
    /// so the same seed and date always give the same plan, and every requested violation is planted whatever the
    /// date; after the last attempt the plan says which were not.
    /// </summary>
    public static SimulationPlan Plan(SimulationOptions options, OversightSettings settings, WorkingCalendar calendar, DateOnly today)
    {
        var plan = new SimulationPlanner(options, settings, calendar, outlierHalves: 3).Build(today);
        for (var attempt = 1; attempt < PlanAttempts && plan.Planted.Any(p => p.Rule == NotPlanted); attempt++)
        {
            var retry = options with { Seed = unchecked(options.Seed + attempt * 7919) };
            plan = new SimulationPlanner(retry, settings, calendar, outlierHalves: 3 + attempt).Build(today);
        }
        return plan;
    }

    private const int PlanAttempts = 6;
    private const string ApprovalRateOutliers = "approval-rate-outliers";
    private const string NotPlanted = "not-planted";

    /// <summary>Requests of the outlier service per decision the report needs from each officer, in halves.</summary>
    private readonly int _outlierHalves;

    private SimulationPlan Build(DateOnly today)
    {
        var endDate = _options.End ?? today.AddDays(-7);
        var startDate = endDate.AddDays(-_options.Days + 1);
        var start = WorkTime.At(startDate, new TimeOnly(0, 0));
        var end = WorkTime.At(endDate.AddDays(1), new TimeOnly(0, 0));
        SetUpCatalog(WorkTime.At(startDate.AddDays(-1), new TimeOnly(9, 0)), startDate.AddDays(-1));

        var window = Math.Max(1, (int)(_options.Days * 0.6));
        for (var i = 0; i < _options.Requests; i++)
        {
            var service = Pick(_services.Where(s => s != _outlierService).ToList());
            Schedule(SubmissionTime(start, window), () => Submit(service, null));
        }
        if (_outlierService is not null)
        {
            var count = _options.OutlierMinimumDecisions * _options.OfficersPerDepartment * _outlierHalves / 2;
            for (var i = 0; i < count; i++)
            {
                Schedule(SubmissionTime(start, window), () => Submit(_outlierService, ApprovalRateOutliers));
            }
        }
        PlantStandalone(start, window);

        while (_agenda.TryDequeue(out var action, out _))
        {
            action();
        }
        if (_outlierService is not null && OutlierStandsOut() && _pending.Remove(ApprovalRateOutliers))
        {
            _planted.Add(new PlantedViolation(ApprovalRateOutliers, "approval-rate-high", null, _departments[0].Officers[0].Subject,
                $"approves every {_outlierService.Code} request while peers approve about 30 %"));
        }
        if (_pending.Remove("log-integrity"))
        {
            var target = _steps.OfType<InvokeStep>().Select(s => s.Command).OfType<ProposeDecision>().First().RequestId;
            _steps.Add(new TamperStep(_steps[^1].At, target));
            _planted.Add(new PlantedViolation("log-integrity", "event-modified", target, null, "the data of a sealed decision event edited with SQL"));
        }
        FinishMoneyPlants();
        foreach (var missed in _pending)
        {
            _planted.Add(new PlantedViolation(missed, NotPlanted, null, null, "the simulated activity offered no occasion; try more requests"));
        }
        return new SimulationPlan(_options, start, end, [.. _departments.Select(d => d.Code)], [.. _services.Select(s => s.Code)], _steps, _planted, _requests);
    }

    /// <summary>
    /// Whether the plan gives the outlier report what it needs to find the planted officer, by the report's own rule
    /// and thresholds: enough decisions on the outlier service by that officer and by the peers, and the peers'
    /// approval rate below the officer's Wilson interval.
    /// </summary>
    private bool OutlierStandsOut()
    {
        var outlierRequests = _submitted.Where(r => r.Service == _outlierService).Select(r => r.Id).ToHashSet();
        var decisions = _steps.OfType<InvokeStep>().Select(s => s.Command).OfType<ProposeDecision>()
            .Where(d => outlierRequests.Contains(d.RequestId)).ToList();
        var officer = _departments[0].Officers[0].Subject;
        var own = decisions.Where(d => d.By.Subject == officer).ToList();
        var peers = decisions.Where(d => d.By.Subject != officer).ToList();
        if (own.Count < _settings.OutlierMinimumDecisions || peers.Count < _settings.OutlierMinimumPeerDecisions)
        {
            return false;
        }
        var (low, _) = ApprovalRateOutlierReport.Wilson(own.Count(d => d.Outcome == DecisionOutcome.Approve), own.Count, _settings.OutlierZ);
        return (double)peers.Count(d => d.Outcome == DecisionOutcome.Approve) / peers.Count < low;
    }

    private void SetUpCatalog(DateTimeOffset at, DateOnly effective)
    {
        for (var d = 0; d < _options.Departments; d++)
        {
            var department = new Department(Code($"D{d + 1}"));
            _departments.Add(department);
            Invoke(at, new RegisterDepartment(department.Code, new LocalizedText($"دائرة {d + 1}", $"Simulated department {d + 1}"), _admin));
            for (var o = 0; o < _options.OfficersPerDepartment; o++)
            {
                var officer = new Officer(new Actor(Lower($"d{d + 1}-officer-{o + 1}"), "officer", department.Code, NewNationalId()), department);
                department.Officers.Add(officer);
            }
            department.Supervisor = new Officer(new Actor(Lower($"d{d + 1}-supervisor"), "supervisor", department.Code, NewNationalId()), department);
            foreach (var officer in department.Officers.Append(department.Supervisor))
            {
                Invoke(at, new EnrollOfficer(department.Code, officer.Subject, officer.Actor.NationalId, officer.Actor.Role, _admin));
            }
        }
        for (var d = 0; d < _departments.Count; d++)
        {
            var department = _departments[d];
            DefineService(at, effective, new ServiceDef(Code($"D{d + 1}-CERT"), [department], false, 3, 20m));
            DefineService(at, effective, new ServiceDef(Code($"D{d + 1}-LICENCE"), [department], true, 5, 150m));
            if (_departments.Count > 1)
            {
                DefineService(at, effective, new ServiceDef(Code($"D{d + 1}-PERMIT"), [department, _departments[(d + 1) % _departments.Count]], true, 10, 400m));
            }
        }
        if (_pending.Contains(ApprovalRateOutliers))
        {
            _outlierService = new ServiceDef(Code("D1-GRANT"), [_departments[0]], false, 5, 50m);
            DefineService(at, effective, _outlierService);
        }
    }

    private void DefineService(DateTimeOffset at, DateOnly effective, ServiceDef service)
    {
        _services.Add(service);
        Invoke(at, new DefineService(service.Code, service.Steps[0].Code, new LocalizedText("خدمة محاكاة", $"Simulated service {service.Code}"),
            new LocalizedText("خدمة لأغراض المحاكاة", "A service of the simulation"), [], [], IsPaid: true,
            [.. service.Steps.Select(s => new WorkflowStep(s.Code, new LocalizedText("مراجعة", "Review")))], service.SecondApprover, service.Sla, _admin));
        Invoke(at, new AdoptFeeSchedule(service.Code, effective, [new FeeLine("base", new LocalizedText("الرسم", "Fee"), Money.Ils(service.Fee))], _admin));
        Invoke(at, new PublishService(service.Code, _admin));
    }

    // ---- the office at work ----

    private void Submit(ServiceDef service, string? plant, Actor? applicant = null, Officer? plantOfficer = null)
    {
        var now = _now;
        applicant ??= NewCitizen();
        var request = new Request(NewGuid(), service, applicant) { Plant = plant, PlantOfficer = plantOfficer };
        // Peers of the planted outlier approve less than usual, so one officer approving everything stands out.
        request.Approve = _random.NextDouble() < (plant == ApprovalRateOutliers ? 0.3 : _options.ApprovalRate);
        _requests++;
        _submitted.Add(request);
        Invoke(now, new SubmitServiceRequest(request.Id, service.Code, applicant.NationalId!, applicant, SubmissionChannel.Online, new Dictionary<string, string?>()));
        var paidAt = now.AddMinutes(5 + _random.Next(0, 20 * 60));
        Schedule(paidAt, () => Pay(request));
    }

    /// <summary>The citizen pays through the payments module; a few pay twice (two sessions opened before either captured).</summary>
    private void Pay(Request request)
    {
        if (request.Plant == "fee-discrepancies")
        {
            // Money taken at a counter, outside the payments module: only half the fee.
            Invoke(_now, new ConfirmPayment(request.Id, null, _finance, "SIM-" + request.Id.ToString("N")[..12], Money.Ils(request.Service.Fee / 2)));
            var officer = request.Service.Steps[0].Officers[0];
            var at = _work.Add(_now, 30);
            Schedule(at, () => Append(request, officer.Actor, new DocumentIssued(request.Id, VerificationCode(request), request.Service.Code, officer.Actor, at)));
            _planted.Add(new PlantedViolation("fee-discrepancies", "issued-without-full-payment", request.Id, officer.Subject, "half the fee paid, document issued"));
            return;
        }
        var payment = OpenPayment(request);
        if (PlantUnresolvedPayment(request, payment))
        {
            return;
        }
        var twice = _paymentsOpened++ % 20 == 7 && request.Plant is null ? OpenPayment(request) : null;
        var captured = _now.AddMinutes(1 + _random.Next(0, 4));
        Schedule(captured, () =>
        {
            Capture(payment);
            Paid(request);
        });
        if (twice is not null)
        {
            Schedule(captured.AddMinutes(1), () =>
            {
                Capture(twice);
                PaidTwice(request, twice);
            });
        }
    }

    /// <summary>The fee is captured: the request joins its first queue (or a planted path).</summary>
    private void Paid(Request request)
    {
        request.EligibleAt = _now;
        if (request.Plant == "self-dealing")
        {
            var officer = request.PlantOfficer!;
            var take = _work.Add(_now, 10);
            var decide = _work.Add(take, 30);
            Schedule(take, () => Append(request, officer.Actor, new RequestAssigned(request.Id, 0, officer.Department.Code, officer.Subject, AssignmentMode.Claimed, officer.Actor, take)));
            Schedule(decide, () => Append(request, officer.Actor,
                new RequestApproved(request.Id, "approved", null, officer.Actor, decide),
                new DocumentIssued(request.Id, VerificationCode(request), request.Service.Code, officer.Actor, decide)));
            _planted.Add(new PlantedViolation("self-dealing", "acted-on-own-request", request.Id, officer.Subject, "an officer assigned, approved and issued their own request"));
            return;
        }
        Enqueue(request, _now);
    }

    private void Enqueue(Request request, DateTimeOffset at)
    {
        var department = request.Service.Steps[request.Step];
        department.Waiting.Add(request);
        Schedule(_work.Next(at), () => Dispatch(department));
    }

    private void Dispatch(Department department)
    {
        var now = _now;
        foreach (var officer in department.Officers.Where(o => !o.Busy))
        {
            if (officer.Resumed.TryDequeue(out var resumed))
            {
                StartWork(officer, resumed, now, fresh: false);
                continue;
            }
            if (department.Waiting.Count == 0)
            {
                continue;
            }
            var request = PlantJump(department, officer) ?? department.Waiting.MinBy(r => r.EligibleAt)!;
            department.Waiting.Remove(request);
            Invoke(now, new ClaimServiceRequest(request.Id, null, officer.Actor));
            StartWork(officer, request, now, fresh: true);
        }
        PlantSupervisorHold(department, now);
    }

    private void StartWork(Officer officer, Request request, DateTimeOffset now, bool fresh)
    {
        officer.Busy = true;
        request.Holder = officer;
        if (fresh)
        {
            _steps.Add(new ViewStep(now, request.Id, officer.Actor));
        }
        var minutes = request.Plant == "queue-jumping" ? 10 : 20 + _random.Next(0, 70);
        var done = _work.Add(now, minutes);
        Schedule(done, () => WorkDone(officer, request));
    }

    private void WorkDone(Officer officer, Request request)
    {
        if (PlantAfterHours(officer, request) is { } later)
        {
            Schedule(later, () => WorkDone(officer, request));
            return;
        }
        var now = _now;
        if (!request.AskedInformation && request.Plant is null && _random.NextDouble() < 0.1)
        {
            request.AskedInformation = true;
            var info = NewGuid();
            Invoke(now, new RequestApplicantInformation(request.Id, null, officer.Actor, info, "Please send a clearer copy."));
            var answer = now.AddHours(4 + _random.Next(0, 60));
            Schedule(answer, () =>
            {
                Invoke(_now, new RespondToInformationRequest(request.Id, null, request.Applicant, info, "Attached.", []));
                officer.Resumed.Enqueue(request);
                Schedule(_work.Next(_now), () => Dispatch(officer.Department));
            });
            Free(officer, now);
            return;
        }
        if (request.Step < request.Service.Steps.Count - 1)
        {
            Invoke(now, new CompleteStep(request.Id, null, officer.Actor, "Step reviewed."));
            request.Step++;
            request.EligibleAt = now;
            Enqueue(request, now);
            Free(officer, now);
            return;
        }
        var approve = (request.Plant == ApprovalRateOutliers && officer == _departments[0].Officers[0]) || request.Approve;
        Invoke(now, new ProposeDecision(request.Id, null, officer.Actor, approve ? DecisionOutcome.Approve : DecisionOutcome.Reject,
            approve ? null : RejectionReasons.All[_random.Next(0, RejectionReasons.All.Count - 1)], approve ? "Meets the requirements." : "Does not meet the requirements."));
        if (request.Service.SecondApprover)
        {
            var confirm = _work.Add(now, 10 + _random.Next(0, 50));
            Schedule(confirm, () => Confirm(request, officer, approve));
        }
        else if (approve)
        {
            var issue = _work.Add(now, 5 + _random.Next(0, 25));
            Schedule(issue, () => Issue(request, officer.Actor));
        }
        else
        {
            Rejected(request);
        }
        Free(officer, now);
    }

    private void Confirm(Request request, Officer maker, bool approve)
    {
        var supervisor = request.Service.Steps[^1].Supervisor;
        if (approve && _pending.Remove("segregation-of-duties"))
        {
            Append(request, maker.Actor, new RequestApproved(request.Id, "approved", maker.Subject, maker.Actor, _now));
            _planted.Add(new PlantedViolation("segregation-of-duties", "maker-checker", request.Id, maker.Subject, "the maker confirmed their own proposal"));
        }
        else
        {
            Invoke(_now, new ConfirmDecision(request.Id, null, supervisor.Actor, "Confirmed."));
        }
        if (approve)
        {
            var issue = _work.Add(_now, 5 + _random.Next(0, 25));
            Schedule(issue, () => Issue(request, supervisor.Actor));
        }
        else
        {
            Rejected(request);
        }
    }

    private void Free(Officer officer, DateTimeOffset at)
    {
        officer.Busy = false;
        Schedule(_work.Next(at), () => Dispatch(officer.Department));
    }

    // ---- infrastructure of the simulation ----

    private DateTimeOffset _now;

    private void Schedule(DateTimeOffset at, Action action) => _agenda.Enqueue(() => { _now = at; action(); }, (at, _order++));

    private void Invoke(DateTimeOffset at, object command) => _steps.Add(new InvokeStep(at, command));

    private void Append(Request request, Actor actor, params object[] events) => _steps.Add(new AppendStep(_now, request.Id, actor, events));

    private DateTimeOffset SubmissionTime(DateTimeOffset start, int days) =>
        start.AddDays(_random.Next(0, days)).AddHours(6 + _random.NextDouble() * 17);

    private T Pick<T>(IReadOnlyList<T> items)
    {
        var roll = _random.NextDouble();
        // Certificates are common, licences less, permits least.
        var weights = items.Select((_, i) => i % 3 == 0 ? 5.0 : i % 3 == 1 ? 3.0 : 2.0).ToList();
        var total = weights.Sum();
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weights[i] / total;
            if (roll <= 0)
            {
                return items[i];
            }
        }
        return items[^1];
    }

    private Actor NewCitizen()
    {
        var id = NewNationalId();
        return new Actor("citizen-" + id, "citizen", null, id);
    }

    /// <summary>Nine-digit IDs from a block chosen by prefix and seed, so runs sharing a database rarely share people.</summary>
    private string NewNationalId() =>
        NationalId.WithCheckDigit((90_000_000 + (int)(Fnv($"{_options.Prefix}/{_options.Seed}") % 100) * 90_000 + _citizen++).ToString("D8", CultureInfo.InvariantCulture));

    /// <summary>Deterministic for prefix and seed, and distinct across prefixes (two runs may share a database).</summary>
    private Guid NewGuid() => NameBasedId.For("simulation", $"{_options.Prefix}/{_options.Seed}/{_ids++}");

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }

    private static string VerificationCode(Request request) => request.Id.ToString("N")[..16].ToUpperInvariant();

    private string Code(string suffix) => $"{_options.Prefix}-{suffix}".ToUpperInvariant();

    private string Lower(string suffix) => $"{_options.Prefix}-{suffix}".ToLowerInvariant();
}
