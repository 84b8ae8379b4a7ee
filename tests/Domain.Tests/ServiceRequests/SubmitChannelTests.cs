using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Tests.Catalog;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.GivenWhenThen;
using static MyGovernment.Domain.Tests.ServiceRequests.History;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>Who may submit (online, or an officer on the assisted channel), duplicates, and the SLA start of free services.</summary>
public sealed class SubmitChannelTests
{
    private static readonly Dictionary<string, string?> Form = new() { ["fullName"] = "Layla Haddad" };

    private static SubmitRequest Command(Actor by, SubmissionChannel channel) => new(RequestId, ApplicantId, by, channel, Form);

    private static IReadOnlyList<object> Submit(SubmitRequest command, Service? service = null, Guid? duplicate = null) =>
        SubmitDecision.Decide(command, service ?? TestCatalog.PublishedPaidService(), Jan(8), WorkingCalendar.Standard, duplicate);

    [Fact]
    public void An_officer_at_a_service_centre_submits_for_a_citizen_and_the_request_records_it()
    {
        var submitted = Submit(Command(CounterClerk, SubmissionChannel.Assisted)).OfType<ServiceRequestSubmitted>().Single();

        submitted.SubmittedBy.ShouldBe(CounterClerk);
        submitted.Channel.ShouldBe(SubmissionChannel.Assisted);
        submitted.ApplicantId.ShouldBe(ApplicantId);
    }

    [Fact]
    public void Only_staff_submit_on_the_assisted_channel() =>
        ThenRefused(() => Submit(Command(Stranger, SubmissionChannel.Assisted)), "assisted_requires_officer");

    [Fact]
    public void An_officer_cannot_submit_an_assisted_request_for_themselves() =>
        ThenRefused(() => Submit(Command(OfficerWhoIsTheApplicant, SubmissionChannel.Assisted)), "self_dealing");

    [Fact]
    public void Another_open_request_for_the_same_service_is_flagged_not_refused()
    {
        var other = Guid.Parse("0190a000-0000-7000-8000-0000000000cc");

        var events = Submit(Command(Applicant, SubmissionChannel.Online), duplicate: other);

        events.OfType<PotentialDuplicateFlagged>().Single().ShouldBe(new PotentialDuplicateFlagged(RequestId, other, Jan(8)));
        Given([.. events]).Flags.ShouldBe(RequestFlags.PotentialDuplicate);
    }

    [Fact]
    public void A_free_service_submitted_on_a_Thursday_starts_its_SLA_clock_at_once()
    {
        var free = TestCatalog.Fold(TestCatalog.Definition(isPaid: false), new ServicePublished("TEST-SERVICE"));

        var events = Submit(Command(Applicant, SubmissionChannel.Online), free);

        // SLA 5 working days from Thu 8 Jan: Sun 11 … Thu 15.
        events.OfType<SlaClockStarted>().Single().ShouldBe(new SlaClockStarted(RequestId, Jan(8), new DateOnly(2026, 1, 15)));
        var state = Given([.. events]);
        state.Status.ShouldBe(ServiceRequestStatus.InReview);
        state.IsFullyPaid.ShouldBeTrue();
    }
}
