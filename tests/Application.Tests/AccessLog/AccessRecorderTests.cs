using MyGovernment.Application.AccessLog;
using MyGovernment.Domain.Common;
using Shouldly;

namespace MyGovernment.Application.Tests.AccessLog;

/// <summary>Which reads of a citizen's data go to their access log: everyone's but the citizen's own.</summary>
public sealed class AccessRecorderTests
{
    private const string Applicant = "401234567";

    [Fact]
    public void A_citizen_reading_under_their_national_id_is_not_logged() =>
        AccessRecorder.IsOwnRead(new Actor("citizen-1", "citizen", null, Applicant), Applicant).ShouldBeTrue();

    [Fact]
    public void A_citizen_account_without_a_national_id_reads_its_own_data_under_its_subject() =>
        AccessRecorder.IsOwnRead(new Actor("diaspora-7", "citizen"), "diaspora-7").ShouldBeTrue();

    [Fact]
    public void Another_citizen_reading_is_logged() =>
        AccessRecorder.IsOwnRead(new Actor("citizen-2", "citizen", null, "409999999"), Applicant).ShouldBeFalse();

    [Fact]
    public void An_officer_who_is_the_applicant_is_still_logged_since_they_read_through_their_office() =>
        AccessRecorder.IsOwnRead(new Actor("officer-1", "officer", "MOI", Applicant), Applicant).ShouldBeFalse();

    [Fact]
    public void A_citizen_whose_subject_matches_but_whose_national_id_differs_is_logged() =>
        AccessRecorder.IsOwnRead(new Actor(Applicant, "citizen", null, "409999999"), Applicant).ShouldBeFalse();
}
