using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>Who acts in the service-request tests. Departments: MOLG (step 0), CIVIL-DEFENCE (step 1), HEALTH (consulted).</summary>
public static class People
{
    public const string Molg = "MOLG";
    public const string CivilDefence = "CIVIL-DEFENCE";
    public const string Health = "HEALTH";

    public const string ApplicantId = "123456782";

    public static readonly Actor Applicant = new("citizen-1", "citizen", null, ApplicantId);
    public static readonly Actor Stranger = new("citizen-2", "citizen", null, "234567891");

    public static readonly Actor MolgOfficer = new("molg-1", "officer", Molg, "400000001");
    public static readonly Actor MolgOfficer2 = new("molg-2", "officer", Molg, "400000002");
    public static readonly Actor MolgSupervisor = new("molg-boss", "supervisor", Molg, "400000003");

    public static readonly Actor CdOfficer = new("cd-1", "officer", CivilDefence, "500000001");
    public static readonly Actor CdOfficer2 = new("cd-2", "officer", CivilDefence, "500000002");
    public static readonly Actor CdSupervisor = new("cd-boss", "supervisor", CivilDefence, "500000003");

    public static readonly Actor HealthOfficer = new("health-1", "officer", Health, "600000001");

    /// <summary>An MOLG officer applying for themselves: different subject, same national ID as the applicant.</summary>
    public static readonly Actor OfficerWhoIsTheApplicant = new("molg-self", "officer", Molg, ApplicantId);

    /// <summary>A Civil Defence supervisor with the applicant's national ID.</summary>
    public static readonly Actor SupervisorWhoIsTheApplicant = new("cd-boss-self", "supervisor", CivilDefence, ApplicantId);

    /// <summary>The MOLG service-centre officer who submits on the applicant's behalf on the assisted channel.</summary>
    public static readonly Actor CounterClerk = new("molg-desk", "officer", Molg, "400000009");

    /// <summary>The payments module confirming money.</summary>
    public static readonly Actor PaymentsSystem = Actor.System;
}
