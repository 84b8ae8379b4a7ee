using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.ServiceRequests.GivenWhenThen;
using static MyGovernment.Domain.Tests.ServiceRequests.History;
using static MyGovernment.Domain.Tests.ServiceRequests.People;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>Required documents (issue 21): recorded at submission, supplied by upload or by reference, enforced, flagged on revocation.</summary>
public sealed class RequiredDocumentsTests
{
    private const string Deed = "OWNERSHIP-DEED";
    private const string Certificate = "NO-CRIMINAL-RECORD";
    private const string Code = "ABCDEFGHJKLMNPQR";
    private static readonly Guid Issuing = Guid.Parse("0190a000-0000-7000-8000-0000000000cc");

    private static readonly DocumentRequirement DeedRequirement = new(Deed, new("سند", "Deed"), false);
    private static readonly DocumentRequirement CertificateRequirement = new(Certificate, new("شهادة", "Certificate"), true, Certificate, 90);

    private static DocumentsRequired Required(IReadOnlyDictionary<string, string>? holders = null) =>
        new DocumentsRequired(RequestId, [DeedRequirement, CertificateRequirement], holders ?? new Dictionary<string, string>(), SubmittedAt);

    private static DocumentsAttached Uploaded(string type = Deed) =>
        new DocumentsAttached(RequestId, [new DocumentReference(type, "deed.pdf", "application/pdf", 10, new string('a', 64))], Applicant, Jan(9));

    private static IssuedDocumentFacts Issued(string holder = ApplicantId, bool revoked = false, string service = Certificate) =>
        new(Code, service, Issuing, holder, Jan(2), revoked);

    private static IssuedDocumentReferenced Referenced() => new IssuedDocumentReferenced(
        RequestId, Certificate, Code, Certificate, Issuing, ApplicantId, Jan(2), Jan(2).AddDays(90), Applicant, Jan(9));

    private static object[] AssignedWith(params object[] documents) => [.. new History().AssignedAtMolg(), Required(), .. documents];

    [Fact]
    public void Submission_records_the_requirements_in_force_with_the_holder_the_form_names()
    {
        var service = Service.Define(Guid.NewGuid(), new ServiceDefined("S", Molg, new("", ""), new("", ""),
            [new FormField("partnerNationalId", FieldType.NationalId, true, new("", ""))], [new RequiredDocument(Certificate, new("", ""), true)],
            false, [new WorkflowStep(Molg, new("", ""))], false, 5));
        service = Service.Evolve(service, service.Id, new RequiredDocumentSourceDefined("S", Certificate, Certificate, 90, "partnerNationalId"))!;

        var events = RequiredDocumentDecisions.AtSubmission(RequestId, service, new Dictionary<string, string> { ["partnerNationalId"] = "234567891" }, SubmittedAt);

        var required = events.ShouldHaveSingleItem().ShouldBeOfType<DocumentsRequired>();
        required.Documents.ShouldHaveSingleItem().ShouldBe(new DocumentRequirement(Certificate, new("", ""), true, Certificate, 90, "partnerNationalId"));
        required.Holders[Certificate].ShouldBe("234567891");
    }

    [Fact]
    public void A_step_cannot_complete_while_a_required_document_is_missing_and_the_refusal_names_each()
    {
        var error = ThenRefused(() => ReviewDecisions.CompleteStep(Given(AssignedWith()), "ok", MolgOfficer, Jan(12)), "required_documents_missing");
        error.Message.ShouldContain(Deed);
        error.Message.ShouldContain(Certificate);

        var onlyDeed = ThenRefused(() => ReviewDecisions.CompleteStep(Given(AssignedWith(Uploaded())), "ok", MolgOfficer, Jan(12)), "required_documents_missing");
        onlyDeed.Message.ShouldNotContain(Deed);

        ReviewDecisions.CompleteStep(Given(AssignedWith(Uploaded(), Referenced())), "ok", MolgOfficer, Jan(12)).Count.ShouldBe(2);
    }

    [Fact]
    public void An_approval_and_an_issue_are_refused_while_documents_are_missing_but_a_rejection_is_not()
    {
        var history = new History();
        object[] atCd = [.. history.AssignedAtCivilDefence(), Required()];
        ThenRefused(() => DecidingDecisions.Propose(Given(atCd), DecisionOutcome.Approve, null, "ok", CdOfficer, Jan(14)), "required_documents_missing");
        DecidingDecisions.Propose(Given(atCd), DecisionOutcome.Reject, "incomplete-documents", "No deed", CdOfficer, Jan(14))
            .ShouldHaveSingleItem().ShouldBeOfType<RequestRejected>();

        object[] approvedWithout = [.. history.Approved(), Required()];
        ThenRefused(() => IssueDecisions.Issue(Given(approvedWithout), "MG-1", CdOfficer, Jan(15)), "required_documents_missing");
    }

    [Fact]
    public void A_reference_passes_only_when_genuine_not_revoked_issued_to_the_holder_and_within_validity()
    {
        var request = Given(AssignedWith());
        RequiredDocumentDecisions.Reference(request, Certificate, Code, Issued(), Applicant, Jan(9)).Then(Referenced());

        ThenRefused(() => RequiredDocumentDecisions.Reference(request, Certificate, Code, null, Applicant, Jan(9)), "reference_not_found");
        ThenRefused(() => RequiredDocumentDecisions.Reference(request, Certificate, Code, Issued(service: "BIRTH-CERT"), Applicant, Jan(9)), "reference_wrong_document");
        ThenRefused(() => RequiredDocumentDecisions.Reference(request, Certificate, Code, Issued(revoked: true), Applicant, Jan(9)), "reference_revoked");
        ThenRefused(() => RequiredDocumentDecisions.Reference(request, Certificate, Code, Issued(holder: "234567891"), Applicant, Jan(9)), "reference_not_holder");
        ThenRefused(() => RequiredDocumentDecisions.Reference(request, Certificate, Code, Issued(), Applicant, Jan(2).AddDays(90).AddTicks(1)), "reference_expired");
        ThenRefused(() => RequiredDocumentDecisions.Reference(request, Deed, Code, Issued(), Applicant, Jan(9)), "document_not_referenceable");
        ThenRefused(() => RequiredDocumentDecisions.Reference(request, Certificate, Code, Issued(), MolgOfficer, Jan(9)), "not_document_supplier");
        Should.Throw<NotFoundException>(() => RequiredDocumentDecisions.Reference(request, Certificate, Code, Issued(), Stranger, Jan(9)));
    }

    [Fact]
    public void Where_the_service_names_a_person_in_the_form_the_document_must_be_theirs()
    {
        var partner = "234567891";
        var request = Given([.. new History().AssignedAtMolg(), Required(new Dictionary<string, string> { [Certificate] = partner })]);
        ThenRefused(() => RequiredDocumentDecisions.Reference(request, Certificate, Code, Issued(), Applicant, Jan(9)), "reference_not_holder");
        RequiredDocumentDecisions.Reference(request, Certificate, Code, Issued(holder: partner), Applicant, Jan(9))
            .ShouldHaveSingleItem().ShouldBeOfType<IssuedDocumentReferenced>().HolderId.ShouldBe(partner);
    }

    [Fact]
    public void A_revocation_flags_the_request_until_a_replacement_is_supplied_and_a_repeat_appends_nothing()
    {
        object[] history = AssignedWith(Uploaded(), Referenced());
        var flag = RequiredDocumentDecisions.FlagRevoked(Given(history), Code, Issuing, "fraud", Jan(10), Jan(10, 10));
        flag.Then(new ReferencedDocumentRevoked(RequestId, Certificate, Code, Issuing, "fraud", Jan(10), Jan(10, 10)));

        var flagged = history.After(flag);
        flagged.Flags.HasFlag(RequestFlags.ReliesOnRevokedDocument).ShouldBeTrue();
        RequiredDocumentDecisions.FlagRevoked(flagged, Code, Issuing, "fraud", Jan(10), Jan(10, 11)).ThenNothing();
        ThenRefused(() => ReviewDecisions.CompleteStep(flagged, "ok", MolgOfficer, Jan(12)), "referenced_document_revoked");

        var replaced = history.Concat(flag).After([Uploaded(Certificate)]);
        replaced.Flags.HasFlag(RequestFlags.ReliesOnRevokedDocument).ShouldBeFalse();
        ReviewDecisions.CompleteStep(replaced, "ok", MolgOfficer, Jan(12)).Count.ShouldBe(2);
    }

    [Fact]
    public void Requests_submitted_before_requirements_were_recorded_are_not_held_back()
    {
        ReviewDecisions.CompleteStep(Given(new History().AssignedAtMolg()), "ok", MolgOfficer, Jan(12)).Count.ShouldBe(2);
    }
}
