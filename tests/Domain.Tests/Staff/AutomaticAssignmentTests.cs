using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Domain.Staff;
using Shouldly;

namespace MyGovernment.Domain.Tests.Staff;

public sealed class AutomaticAssignmentTests
{
    private const string Applicant = "123456782";
    private static readonly string ValidId = NationalId.WithCheckDigit("40000004");

    private static readonly DepartmentRoster Roster = new(Guid.Empty, "MOI-CIVIL",
    [
        new RosterEntry("officer-c", "400000019", "officer"),
        new RosterEntry("officer-a", "400000027", "officer"),
        new RosterEntry("officer-b", Applicant, "officer"),
        new RosterEntry("officer-d", "400000035", "supervisor"),
    ]);

    private static ServiceRequest Request(SubmissionChannel channel = SubmissionChannel.Online, string submittedBy = "citizen-1") => new(
        Guid.NewGuid(), "BIRTH-CERT", Applicant, new Actor(submittedBy, channel == SubmissionChannel.Online ? "citizen" : "officer"), channel,
        ServiceRequestStatus.InReview, RequestFlags.None, false, null, null, ["MOI-CIVIL"], false, 1, CurrentStep: 0, CurrentDepartment: "MOI-CIVIL");

    [Fact]
    public void Round_robin_goes_round_the_roster_in_a_fixed_order_skipping_the_applicant()
    {
        var order = new List<string>();
        string? last = null;
        for (var i = 0; i < 6; i++)
        {
            last = AutomaticAssignment.Choose(AssignmentPolicy.RoundRobin, Roster, Request(), new Dictionary<string, int>(), last);
            order.Add(last!);
        }

        order.ShouldBe(["officer-a", "officer-c", "officer-d", "officer-a", "officer-c", "officer-d"]);
    }

    [Fact]
    public void Least_loaded_picks_the_officer_with_fewest_open_requests_and_breaks_ties_by_rotation()
    {
        var loads = new Dictionary<string, int> { ["officer-a"] = 3, ["officer-c"] = 1, ["officer-d"] = 1 };

        AutomaticAssignment.Choose(AssignmentPolicy.LeastLoaded, Roster, Request(), loads, null).ShouldBe("officer-c");
        AutomaticAssignment.Choose(AssignmentPolicy.LeastLoaded, Roster, Request(), loads, "officer-c").ShouldBe("officer-d");
    }

    [Fact]
    public void The_officer_who_submitted_on_the_assisted_channel_is_never_chosen()
    {
        var request = Request(SubmissionChannel.Assisted, submittedBy: "officer-a");
        AutomaticAssignment.Choose(AssignmentPolicy.RoundRobin, Roster, request, new Dictionary<string, int>(), null).ShouldBe("officer-c");
    }

    [Fact]
    public void The_assisted_submitters_second_account_with_the_same_national_id_is_never_chosen()
    {
        var request = Request(SubmissionChannel.Assisted, submittedBy: "desk-account") with
        {
            SubmittedBy = new Actor("desk-account", "officer", "MOI-CIVIL", "400000027"),
        };
        AutomaticAssignment.Choose(AssignmentPolicy.RoundRobin, Roster, request, new Dictionary<string, int>(), null).ShouldBe("officer-c");
    }

    [Fact]
    public void Manual_policy_or_an_empty_roster_chooses_nobody()
    {
        AutomaticAssignment.Choose(AssignmentPolicy.Manual, Roster, Request(), new Dictionary<string, int>(), null).ShouldBeNull();
        AutomaticAssignment.Choose(AssignmentPolicy.RoundRobin, null, Request(), new Dictionary<string, int>(), null).ShouldBeNull();
        var onlyApplicant = new DepartmentRoster(Guid.Empty, "MOI-CIVIL", [new RosterEntry("officer-b", Applicant, "officer")]);
        AutomaticAssignment.Choose(AssignmentPolicy.LeastLoaded, onlyApplicant, Request(), new Dictionary<string, int>(), null).ShouldBeNull();
    }

    [Fact]
    public void Only_an_admin_or_a_supervisor_of_the_department_manages_its_roster()
    {
        var now = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var admin = new Actor("admin-1", "admin");
        var supervisor = new Actor("sup-1", "supervisor", "MOI-CIVIL");
        var otherSupervisor = new Actor("sup-2", "supervisor", "MOLG");

        RosterDecisions.Enroll(null, "MOI-CIVIL", "officer-x", ValidId, "officer", admin, now).ShouldHaveSingleItem().ShouldBeOfType<OfficerEnrolled>();
        RosterDecisions.Enroll(null, "MOI-CIVIL", "officer-x", null, "officer", supervisor, now).Count.ShouldBe(1);
        Should.Throw<DomainException>(() => RosterDecisions.Enroll(null, "MOI-CIVIL", "officer-x", null, "officer", otherSupervisor, now)).Code.ShouldBe("roster_not_found");
        Should.Throw<DomainException>(() => RosterDecisions.Enroll(null, "MOI-CIVIL", "officer-x", null, "citizen", admin, now)).Code.ShouldBe("invalid_role");

        var roster = DepartmentRoster.Evolve(null, new OfficerEnrolled("MOI-CIVIL", "officer-x", ValidId, "officer", admin, now));
        RosterDecisions.Enroll(roster, "MOI-CIVIL", "officer-x", ValidId, "officer", admin, now).ShouldBeEmpty();
    }
}
