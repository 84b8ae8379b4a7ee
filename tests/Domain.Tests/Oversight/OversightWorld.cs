using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Domain.Tests.Oversight;

/// <summary>Hand-written event histories for the reports: streams with sequence numbers, people, and local times.</summary>
public sealed partial class OversightWorld
{
    public const string Department = "MOJ";
    public const string Service = "NO-CRIMINAL-RECORD";
    public const string Applicant = "400000018";

    public static readonly Actor Citizen = new("citizen-1", "citizen", null, Applicant);
    public static readonly Actor Officer = new("moj-1", "officer", Department, "400000026");
    public static readonly Actor Officer2 = new("moj-2", "officer", Department, "400000034");
    public static readonly Actor Supervisor = new("moj-boss", "supervisor", Department, "400000042");

    private readonly List<OversightEvent> _events = [];
    private long _seq;

    public WorkingCalendar Calendar { get; init; } = WorkingCalendar.Standard;

    /// <summary>A Palestinian local wall-clock time in March 2026 (1 March is a Sunday).</summary>
    public static DateTimeOffset Mar(int day, int hour = 10, int minute = 0, int second = 0) =>
        PalestineTime.FromLocal(new DateTime(2026, 3, day, hour, minute, second, DateTimeKind.Unspecified));

    public RequestBuilder Request(bool secondApprover = false, int sla = 3, Guid? id = null) => new(this, id ?? Guid.NewGuid(), secondApprover, sla);

    public OversightEvent Add(Guid stream, object data, Actor? actor = null)
    {
        var version = _events.Count(e => e.StreamId == stream) + 1;
        var e = new OversightEvent(++_seq, stream, version, OversightEvent.TimeIn(data)!.Value, actor ?? OversightEvent.ActorIn(data), data);
        _events.Add(e);
        return e;
    }

    public OversightData Data => OversightData.From(_events, Calendar);

    public IReadOnlyList<Finding> Run(IOversightReport report, OversightSettings? settings = null, DateTimeOffset? now = null, DateTimeOffset? to = null) =>
        OversightReports.Run(report, Data, settings ?? new OversightSettings(), new ReportScope(null, to, null, null, null, now ?? Mar(31)));

    public sealed class RequestBuilder(OversightWorld world, Guid id, bool secondApprover, int sla)
    {
        public Guid Id => id;

        public RequestBuilder Submitted(DateTimeOffset at, string applicant = Applicant)
        {
            world.Add(id, new ServiceRequestSubmitted(id, Service, new LocalizedText("", ""), applicant, Citizen with { NationalId = applicant },
                SubmissionChannel.Online, new Dictionary<string, string>(), true, [Department], secondApprover, sla, at));
            return this;
        }

        public RequestBuilder Eligible(DateTimeOffset at)
        {
            world.Add(id, new FeeAssessed(id, 1, [], Money.Ils(20), at));
            world.Add(id, new PaymentConfirmed(id, "P-" + id, Money.Ils(20), Money.Ils(20), new Actor("finance-1", "finance"), at));
            world.Add(id, new StepEntered(id, 0, Department, at));
            world.Add(id, new SlaClockStarted(id, at, PalestineTime.LocalDate(at)));
            return this;
        }

        public OversightEvent Assigned(Actor officer, DateTimeOffset at) =>
            world.Add(id, new RequestAssigned(id, 0, Department, officer.Subject, AssignmentMode.Claimed, officer, at));

        public OversightEvent Paused(DateTimeOffset at) => world.Add(id, new InformationRequested(id, Guid.NewGuid(), "more", Officer, at));

        public OversightEvent Resumed(DateTimeOffset at) => world.Add(id, new ApplicantResponded(id, Guid.Empty, "here", [], 0, default, Citizen, at));

        public OversightEvent Proposed(Actor officer, DateTimeOffset at, DecisionOutcome outcome = DecisionOutcome.Approve) =>
            world.Add(id, new DecisionProposed(id, outcome, null, "n", officer, at));

        public OversightEvent Approved(Actor by, DateTimeOffset at, string? proposedBy = null) => world.Add(id, new RequestApproved(id, "n", proposedBy, by, at));

        public OversightEvent Rejected(Actor by, DateTimeOffset at) => world.Add(id, new RequestRejected(id, "ineligible", "n", null, by, at));

        public OversightEvent Issued(Actor by, DateTimeOffset at) => world.Add(id, new DocumentIssued(id, "CODE", Service, by, at));

        /// <summary>The fee assessed, awaiting payment through the payments module.</summary>
        public RequestBuilder Assessed(DateTimeOffset at, decimal fee = 20m)
        {
            world.Add(id, new FeeAssessed(id, 1, [], Money.Ils(fee), at));
            return this;
        }

        /// <summary>The payments module's confirmation of a captured payment, making the request eligible.</summary>
        public RequestBuilder ConfirmedBy(PaymentBuilder payment, DateTimeOffset at, bool eligible = true)
        {
            world.Add(id, new PaymentConfirmed(id, payment.Id.ToString(), payment.Amount, payment.Amount, new Actor("payments", "system"), at));
            if (!eligible)
            {
                return this;
            }
            world.Add(id, new StepEntered(id, 0, Department, at));
            world.Add(id, new SlaClockStarted(id, at, PalestineTime.LocalDate(at)));
            return this;
        }

        public OversightEvent Withdrawn(DateTimeOffset at) => world.Add(id, new RequestWithdrawn(id, "changed my mind", Citizen, at));

        public OversightEvent Revoked(Actor by, DateTimeOffset at) => world.Add(id, new DocumentRevoked(id, "CODE", "fraud", by, at));

        public OversightEvent Viewed(Actor viewer, DateTimeOffset at) =>
            world.Add(AccessLogStream, new AccessLog.CitizenDataViewed(Applicant, id, "request-details", viewer, at));
    }

    public static readonly Guid AccessLogStream = AccessLog.AccessLogStreams.For(Applicant);
}
