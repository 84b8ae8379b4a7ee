using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.GivenWhenThen;
using static MyGovernment.Domain.Tests.ServiceRequests.History;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

public sealed class ConfirmPaymentTests
{
    private static readonly History Permit = new();

    private static IReadOnlyList<object> Pay(
        object[] history, string reference, Money amount, DateTimeOffset at, WorkingCalendar? calendar = null) =>
        PaymentDecision.ConfirmPayment(Given(history), reference, amount, PaymentsSystem, at, calendar ?? WorkingCalendar.Standard);

    [Fact]
    public void Paying_the_full_fee_on_a_Thursday_enters_the_first_queue_and_starts_the_SLA_clock_on_working_days()
    {
        // SLA 5 working days from Thu 8 Jan: Sun 11, Mon 12, Tue 13, Wed 14, Thu 15 (Fri/Sat skipped).
        var events = Pay(Permit.AwaitingPayment(), "PAY-1", Money.Ils(50m), PaidAt);

        events.Then(
            new PaymentConfirmed(RequestId, "PAY-1", Money.Ils(50m), Money.Ils(50m), PaymentsSystem, PaidAt),
            new StepEntered(RequestId, 0, Molg, PaidAt),
            new SlaClockStarted(RequestId, PaidAt, new DateOnly(2026, 1, 15)));
        var state = Permit.AwaitingPayment().After(events);
        state.Status.ShouldBe(ServiceRequestStatus.InReview);
        state.CurrentDepartment.ShouldBe(Molg);
        state.IsFullyPaid.ShouldBeTrue();
    }

    [Fact]
    public void Paid_on_a_Thursday_with_an_SLA_of_two_days_is_due_the_next_Monday()
    {
        var events = Pay(new History(SlaWorkingDays: 2).AwaitingPayment(), "PAY-1", Fee, PaidAt);

        events.OfType<SlaClockStarted>().Single().DueDate.ShouldBe(new DateOnly(2026, 1, 12));
    }

    [Fact]
    public void A_public_holiday_on_the_Sunday_pushes_the_due_date_one_working_day_later()
    {
        var calendar = new WorkingCalendar(new HashSet<DateOnly> { new(2026, 1, 11) });

        var events = Pay(new History(SlaWorkingDays: 2).AwaitingPayment(), "PAY-1", Fee, PaidAt, calendar);

        events.OfType<SlaClockStarted>().Single().DueDate.ShouldBe(new DateOnly(2026, 1, 13));
    }

    [Fact]
    public void The_SLA_clock_counts_from_the_local_Palestinian_date_of_payment()
    {
        // 23:30 UTC on Wed 7 Jan is 01:30 on Thu 8 Jan in Palestine.
        var at = new DateTimeOffset(2026, 1, 7, 23, 30, 0, TimeSpan.Zero);

        var events = Pay(new History(SlaWorkingDays: 2).AwaitingPayment(), "PAY-1", Fee, at);

        events.OfType<SlaClockStarted>().Single().DueDate.ShouldBe(new DateOnly(2026, 1, 12));
    }

    [Fact]
    public void A_partial_payment_is_recorded_and_the_request_keeps_waiting_for_the_rest()
    {
        var events = Pay(Permit.AwaitingPayment(), "PAY-1", Money.Ils(20m), PaidAt);

        events.Then(new PaymentConfirmed(RequestId, "PAY-1", Money.Ils(20m), Money.Ils(20m), PaymentsSystem, PaidAt));
        var state = Permit.AwaitingPayment().After(events);
        state.Status.ShouldBe(ServiceRequestStatus.AwaitingPayment);
        state.IsFullyPaid.ShouldBeFalse();
        state.SlaDueDate.ShouldBeNull();
    }

    [Fact]
    public void The_payment_that_completes_the_fee_makes_the_request_eligible()
    {
        object[] history = [.. Permit.AwaitingPayment(), new PaymentConfirmed(RequestId, "PAY-1", Money.Ils(20m), Money.Ils(20m), PaymentsSystem, Jan(6))];

        var events = Pay(history, "PAY-2", Money.Ils(30m), PaidAt);

        events.Then(
            new PaymentConfirmed(RequestId, "PAY-2", Money.Ils(30m), Money.Ils(50m), PaymentsSystem, PaidAt),
            new StepEntered(RequestId, 0, Molg, PaidAt),
            new SlaClockStarted(RequestId, PaidAt, new DateOnly(2026, 1, 15)));
    }

    [Fact]
    public void A_repeated_payment_reference_changes_nothing()
    {
        object[] partly = [.. Permit.AwaitingPayment(), new PaymentConfirmed(RequestId, "PAY-1", Money.Ils(20m), Money.Ils(20m), PaymentsSystem, Jan(6))];

        Pay(partly, "PAY-1", Money.Ils(20m), PaidAt).ThenNothing();
        Pay(Permit.InReviewAtMolg(), "PAY-1", Fee, Jan(9)).ThenNothing();
        // Even once the request is closed, a late duplicate delivery is simply absorbed.
        Pay(Permit.ClosedAfterIssue(), "PAY-1", Fee, Jan(9)).ThenNothing();
    }

    [Fact]
    public void Money_arriving_after_the_fee_was_complete_is_recorded_without_entering_the_queue_again()
    {
        var events = Pay(Permit.AssignedAtMolg(), "PAY-2", Money.Ils(5m), Jan(12));

        events.Then(new PaymentConfirmed(RequestId, "PAY-2", Money.Ils(5m), Money.Ils(55m), PaymentsSystem, Jan(12)));
        Permit.AssignedAtMolg().After(events).AssignedTo.ShouldBe(MolgOfficer.Subject);
    }

    [Theory]
    [InlineData(0, "ILS")]
    [InlineData(-10, "ILS")]
    [InlineData(50, "JOD")]
    public void A_zero_negative_or_foreign_currency_payment_is_refused(decimal amount, string currency) =>
        ThenRefused(() => Pay(Permit.AwaitingPayment(), "PAY-1", new Money(amount, currency), PaidAt), "payment_amount_invalid");

    [Fact]
    public void An_information_only_request_has_no_fee_to_pay()
    {
        object[] free =
        [
            new ServiceRequestSubmitted(
                RequestId, "EXTRACT", ServiceName, ApplicantId, Applicant, SubmissionChannel.Online,
                new Dictionary<string, string>(), IsPaid: false, [Molg], false, 3, SubmittedAt),
            new StepEntered(RequestId, 0, Molg, SubmittedAt),
            new SlaClockStarted(RequestId, SubmittedAt, new DateOnly(2026, 1, 7)),
        ];

        ThenRefused(() => Pay(free, "PAY-1", Money.Ils(10m), PaidAt), "no_fee_due");
    }

    [Fact]
    public void A_withdrawn_or_abandoned_request_accepts_no_new_payment()
    {
        ThenRefused(() => Pay(Permit.Withdrawn(), "PAY-2", Money.Ils(10m), Jan(12)), "request_closed");
        ThenRefused(() => Pay(Permit.Abandoned(), "PAY-1", Fee, Jan(26)), "request_closed");
    }
}
