using MyGovernment.Application.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.Application.Tests.ServiceRequests;

/// <summary>
/// The sweep's choice per request: each wait is due once it has lasted the configured days (from that instant
/// on, not a moment before), and the configuration in force at the sweep is the one that counts.
/// </summary>
public sealed class DueTimersTests
{
    private static readonly Guid RequestId = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");
    private static readonly Guid Info = Guid.Parse("0190a000-0000-7000-8000-0000000000b1");
    private static readonly DateTimeOffset Start = new(2026, 1, 8, 8, 0, 0, TimeSpan.Zero);
    private static readonly LifecycleOptions Options = new() { PaymentDays = 7, ApplicantResponseDays = 10, AppealWindowDays = 21 };

    private static IReadOnlyList<object> DueAt(DateTimeOffset now, RequestTimers row, LifecycleOptions? options = null) =>
        DueTimers.At(now, options ?? Options).For(RequestId, row);

    [Fact]
    public void An_unpaid_fee_is_due_after_the_configured_payment_days()
    {
        var row = new RequestTimers { FeeAssessedAt = Start };
        DueAt(Start.AddDays(7).AddTicks(-1), row).ShouldBeEmpty();
        DueAt(Start.AddDays(7), row).ShouldBe([new AbandonIfUnpaid(RequestId)]);
    }

    [Fact]
    public void An_unanswered_information_request_is_due_after_the_configured_response_days_for_that_request()
    {
        var row = new RequestTimers { InformationRequestedAt = Start, InformationRequestId = Info };
        DueAt(Start.AddDays(10).AddTicks(-1), row).ShouldBeEmpty();
        DueAt(Start.AddDays(10), row).ShouldBe([new AbandonIfNoResponse(RequestId, Info)]);
    }

    [Fact]
    public void A_decision_closes_after_the_configured_appeal_window()
    {
        var row = new RequestTimers { DecidedAt = Start };
        DueAt(Start.AddDays(21).AddTicks(-1), row).ShouldBeEmpty();
        DueAt(Start.AddDays(21), row).ShouldBe([new CloseAfterAppealWindow(RequestId)]);
    }

    [Fact]
    public void A_passed_SLA_deadline_is_due_at_its_instant()
    {
        var row = new RequestTimers { CheckAt = Start };
        DueAt(Start.AddTicks(-1), row).ShouldBeEmpty();
        DueAt(Start, row).ShouldBe([new CheckSla(RequestId)]);
    }

    [Fact]
    public void A_row_with_no_wait_is_never_due() =>
        DueAt(Start.AddYears(10), new RequestTimers()).ShouldBeEmpty();

    [Fact]
    public void A_changed_configuration_applies_to_requests_already_waiting()
    {
        // Assessed under 7 payment days; the configuration now says 3, so the wait is over after 3.
        var row = new RequestTimers { FeeAssessedAt = Start };
        var shorter = new LifecycleOptions { PaymentDays = 3 };
        DueAt(Start.AddDays(3), row, shorter).ShouldBe([new AbandonIfUnpaid(RequestId)]);
        DueAt(Start.AddDays(3), row).ShouldBeEmpty();
    }

    [Fact]
    public void The_cut_offs_the_query_uses_are_now_minus_each_configured_length()
    {
        var now = Start.AddDays(40);
        DueTimers.At(now, Options).ShouldBe(new DueTimers(now, now.AddDays(-7), now.AddDays(-10), now.AddDays(-21)));
    }
}
