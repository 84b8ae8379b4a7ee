using Marten;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using MyGovernment.IntegrationTests.Support;
using Shouldly;
using Snapshooter.Xunit3;

namespace MyGovernment.IntegrationTests.Contracts;

/// <summary>
/// Stored events are a contract: this pins the stored type name and JSON of every event type, serialized by the
/// store's own serializer. A diff here means a stored shape changed: add a new event or an upcaster instead.
/// </summary>
public sealed class EventShapeTests(AppFixture app)
{
    private static readonly Guid Id = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly LocalizedText Text = new("نص", "Text");
    private static readonly FeeLine Line = new("base", Text, Money.Ils(15.50m));
    private static readonly Guid Other = Guid.Parse("0190a000-0000-7000-8000-000000000002");
    private static readonly Actor Citizen = new("citizen-1", "citizen", null, "123456782");
    private static readonly Actor Officer = new("officer-1", "officer", "MOLG", "400000019");
    private static readonly Actor Supervisor = new("supervisor-1", "supervisor", "MOLG", "400000027");
    private static readonly Actor Finance = new("finance-1", "finance", "TREASURY");

    /// <summary>One sample of every event type. Add new event types here; the completeness test enforces it.</summary>
    public static IReadOnlyList<object> Samples { get; } =
    [
        new DepartmentRegistered("MOI-CIVIL", "وزارة الداخلية", "Ministry of Interior"),
        new ServiceDefined("BIRTH-CERT", "MOI-CIVIL", Text, Text,
            [new FormField("personNationalId", FieldType.NationalId, true, Text, 9)],
            [new RequiredDocument("DOC", Text, true)], true, [new WorkflowStep("MOI-CIVIL", Text)], false, 1),
        new FeeScheduleAdopted("BIRTH-CERT", new FeeSchedule(2, new DateOnly(2026, 4, 1), [Line])),
        new ServicePublished("BIRTH-CERT"),
        new ServiceRetired("BIRTH-CERT", "Replaced"),
        new ServiceRequestSubmitted(Id, "BIRTH-CERT", Text, "123456782", Citizen, SubmissionChannel.Online,
            new Dictionary<string, string> { ["personNationalId"] = "123456782" }, true, ["MOLG", "CIVIL-DEFENCE"], true, 1, At),
        new PotentialDuplicateFlagged(Id, Other, At),
        new FeeAssessed(Id, 2, [Line], Money.Ils(15.50m), At),
        new PaymentConfirmed(Id, "PAY-1", Money.Ils(15.50m), Money.Ils(15.50m), Finance, At),
        new StepEntered(Id, 0, "MOI-CIVIL", At),
        new SlaClockStarted(Id, At, new DateOnly(2026, 3, 12)),
        new RequestAssigned(Id, 0, "MOLG", "officer-1", AssignmentMode.Claimed, Officer, At),
        new InformationRequested(Id, Other, "Attach the deed", Officer, At),
        new ApplicantResponded(Id, Other, "Attached", [new DocumentReference("DEED", "deed.pdf", "application/pdf", 1024, new string('a', 64))],
            2, new DateOnly(2026, 3, 16), Citizen, At),
        new RequestReferred(Id, "MOLG", "MOJ", "Ownership?", Officer, At),
        new ReferralReturned(Id, "MOJ", "No dispute", Officer, At),
        new StepCompleted(Id, 0, "MOLG", "ok", Officer, At),
        new DecisionProposed(Id, DecisionOutcome.Reject, "ineligible", "Too young", Officer, At),
        new DecisionReturned(Id, "Check again", Supervisor, At),
        new RequestApproved(Id, "ok", "officer-1", Supervisor, At),
        new RequestRejected(Id, "ineligible", "Too young", null, Officer, At),
        new DocumentIssued(Id, "0123456789ABCDEF", "BIRTH-CERT", Officer, At),
        new RequestWithdrawn(Id, "No longer needed", Citizen, At),
        new RequestAbandoned(Id, AbandonReason.PaymentNotReceived, At),
        new RequestClosed(Id, ServiceRequestStatus.Issued, At),
        new RequestReopened(Id, "Appeal grounds", Citizen, At),
        new RequestMarkedOverdue(Id, new DateOnly(2026, 3, 12), At),
        new RequestEscalated(Id, "MOLG", "SLA due date passed", Actor.System, At),
        new DocumentRevoked(Id, "0123456789ABCDEF", "Obtained by fraud", Supervisor, At),
        new PublicHolidayDeclared(new DateOnly(2026, 11, 15), new("عيد الاستقلال", "Independence Day")),
        new PublicHolidayRemoved(new DateOnly(2026, 11, 15)),
        new OfficerEnrolled("MOLG", "officer-1", "400000019", "officer", Supervisor, At),
        new OfficerUnenrolled("MOLG", "officer-1", "Transferred", Supervisor, At),
        new CitizenDataViewed("123456782", Id, "request-details", Officer, At),
        new PaymentCreated(Other, Id, "MOLG", Money.Ils(15.50m), PaymentChannel.Card, "123456782", Citizen, At),
        new PaymentStarted(Other, "cs_1", "https://psp.example/pay/cs_1", null, At.AddMinutes(30), At),
        new PaymentAuthorised(Other, "evt_a", At),
        new PaymentSucceeded(Other, "evt_s", Money.Ils(15.50m), At),
        new PaymentFailed(Other, "evt_f", "Declined by the provider.", At),
        new PaymentCancelled(Other, "evt_c", "Cancelled by the payer.", At),
        new PaymentExpired(Other, null, At),
        new PaymentErrored(Other, "The payment provider answered 503.", At),
        new PaymentStatusUnknown(Other, "The provider could not be asked.", At),
        new PaymentStatusRecovered(Other, PaymentStatus.Authorised, At),
        new ContradictoryProviderEventRecorded(Other, "evt_x", ProviderPaymentStatus.Failed, "The provider reported Failed after the payment was captured.", At),
        new RefundRequested(Id, Other, Money.Ils(5m), Money.Ils(15.50m), "Paid twice", Finance, At),
        new RefundApproved(Id, new Actor("finance-2", "finance", "TREASURY"), At),
        new RefundSubmitted(Id, "re_1", At),
        new RefundSucceeded(Id, Other, Money.Ils(5m), "MOLG", At),
        new RefundFailed(Id, "The card issuer refused the refund.", At),
        new RefundReserved(Other, Id, Money.Ils(5m), At),
        new RefundReleased(Other, Id, Money.Ils(5m), At),
        new PaymentRefunded(Other, Id, Money.Ils(5m), At),
        new SettlementStatementImported(Id, "sandbox", new DateOnly(2026, 3, 9), new string('a', 64), 2, Money.Ils(30m), Money.Ils(0.6m), Money.Ils(29.4m), Finance, At),
        new StatementReconciled(Id,
        [
            new ReconciliationItem(ReconciliationCategory.Matched, "matched", 1, "cs_1", Other, "MOLG", Money.Ils(15m), Money.Ils(15m)),
            new ReconciliationItem(ReconciliationCategory.MissingInStatement, "captured-not-settled", null, "cs_2", Other, "MOLG", null, Money.Ils(15m)),
        ], At),
        new PaymentSettled(Other, Id, "MOLG", new DateOnly(2026, 3, 9), Money.Ils(15m), Money.Ils(0.3m), Money.Ils(14.7m), At),
        new PaymentReconciled(Other, Id, At),
        new PaymentReconciliationFlagged(Other, Id, ReconciliationCategory.AmountMismatch, "amount-differs", At),

        // Required documents and tell us once (issue 21).
        new RequiredDocumentSourceDefined("COMMERCIAL-REGISTRATION", "NO-CRIMINAL-RECORD", "NO-CRIMINAL-RECORD", 90, null),
        new DocumentsRequired(Id,
            [new DocumentRequirement("DEED", Text, false), new DocumentRequirement("NO-CRIMINAL-RECORD", Text, true, "NO-CRIMINAL-RECORD", 90, "partnerNationalId")],
            new Dictionary<string, string> { ["NO-CRIMINAL-RECORD"] = "123456782" }, At),
        new DocumentsAttached(Id, [new DocumentReference("DEED", "deed.pdf", "application/pdf", 1024, new string('a', 64))], Citizen, At),
        new IssuedDocumentReferenced(Id, "NO-CRIMINAL-RECORD", "0123456789ABCDEF", "NO-CRIMINAL-RECORD", Other, "123456782", At, At.AddDays(90), Citizen, At),
        new ReferencedDocumentRevoked(Id, "NO-CRIMINAL-RECORD", "0123456789ABCDEF", Other, "Obtained by fraud", At, At),
    ];

    [Fact]
    public void Every_event_type_in_the_domain_has_a_pinned_sample()
    {
        // Events are the Domain's public sealed records named in the past tense (…ed).
        var eventTypes = typeof(SubmitDecision).Assembly.GetExportedTypes()
            .Where(t => t is { IsSealed: true, IsClass: true } && t.GetMethod("<Clone>$") is not null && t.Name.EndsWith("ed", StringComparison.Ordinal))
            .OrderBy(t => t.FullName)
            .ToList();

        eventTypes.ShouldNotBeEmpty();
        eventTypes.Except(Samples.Select(s => s.GetType())).ShouldBeEmpty("event types without a pinned sample");
    }

    [Fact]
    public void Stored_event_shapes_do_not_change()
    {
        var serializer = app.Store.Options.Serializer();
        var events = (Marten.Events.EventGraph)((DocumentStore)app.Store).Options.Events;
        var shapes = Samples.ToDictionary(
            s => events.BuildEvent(s).EventTypeName,
            s => Newtonsoft.Json.Linq.JToken.Parse(serializer.ToJson(s)));

        Snapshot.Match(shapes);
    }
}
