using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Oversight;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using static MyGovernment.Domain.Tests.Oversight.OversightWorld;

namespace MyGovernment.Domain.Tests.Oversight;

/// <summary>Report 12: decided with a required document missing, or on a referenced document revoked before the decision.</summary>
public sealed class RequiredDocumentsReportTests
{
    private const string Code = "ABCDEFGHJKLMNPQR";
    private static readonly DocumentRequirement Certificate = new("NO-CRIMINAL-RECORD", new("", ""), true, "NO-CRIMINAL-RECORD", 90);

    private static DocumentsRequired Required(Guid id) => new DocumentsRequired(id, [Certificate], new Dictionary<string, string>(), Mar(2));

    [Fact]
    public void An_approval_with_a_required_document_missing_is_found_citing_the_requirement_and_the_decision()
    {
        var world = new OversightWorld();
        var request = world.Request().Submitted(Mar(2));
        var required = world.Add(request.Id, Required(request.Id));
        request.Eligible(Mar(2));
        var approval = world.Add(request.Id, new RequestApproved(request.Id, "ok", null, Officer, Mar(3)));

        var finding = world.Run(new RequiredDocumentsReport()).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(RequiredDocumentsReport.Missing);
        finding.Officer.ShouldBe(Officer.Subject);
        finding.Evidence.ShouldBe([required.Cite(), approval.Cite()]);
    }

    [Fact]
    public void An_approval_on_a_reference_revoked_before_it_is_found_citing_both_streams_and_a_later_revocation_is_not()
    {
        var world = new OversightWorld();
        var issuing = Guid.NewGuid();
        var request = world.Request().Submitted(Mar(2));
        world.Add(request.Id, Required(request.Id));
        request.Eligible(Mar(2));
        var reference = world.Add(request.Id, new IssuedDocumentReferenced(
            request.Id, Certificate.Code, Code, Certificate.Code, issuing, Applicant, Mar(1), Mar(1).AddDays(90), Citizen, Mar(2, 11)));
        var revocation = world.Add(issuing, new DocumentRevoked(issuing, Code, "fraud", Supervisor, Mar(3)));
        var approval = world.Add(request.Id, new RequestApproved(request.Id, "ok", null, Officer, Mar(3, 12)));

        var finding = world.Run(new RequiredDocumentsReport()).ShouldHaveSingleItem();
        finding.Rule.ShouldBe(RequiredDocumentsReport.Revoked);
        finding.Evidence.ShouldBe([reference.Cite(), revocation.Cite(), approval.Cite()]);

        var clean = new OversightWorld();
        var other = clean.Request().Submitted(Mar(2));
        clean.Add(other.Id, Required(other.Id));
        other.Eligible(Mar(2));
        clean.Add(other.Id, new IssuedDocumentReferenced(
            other.Id, Certificate.Code, Code, Certificate.Code, issuing, Applicant, Mar(1), Mar(1).AddDays(90), Citizen, Mar(2, 11)));
        clean.Add(other.Id, new RequestApproved(other.Id, "ok", null, Officer, Mar(3, 12)));
        clean.Add(issuing, new DocumentRevoked(issuing, Code, "fraud", Supervisor, Mar(4)));
        clean.Run(new RequiredDocumentsReport()).ShouldBeEmpty();
    }
}
