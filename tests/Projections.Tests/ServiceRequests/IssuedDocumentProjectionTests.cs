using JasperFx.Events;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.Projections.Tests.ServiceRequests;

public sealed class IssuedDocumentProjectionTests
{
    [Fact]
    public void The_public_row_names_service_department_and_dates_and_nothing_personal()
    {
        var issuedAt = new DateTimeOffset(2026, 2, 4, 10, 0, 0, TimeSpan.Zero);
        var issued = new DocumentIssued(EventSequence.RequestId, "ABCDEFGH23456789", "BIRTH-CERT", new Actor("officer-1", "officer", "MOI-CIVIL", "987654321"), issuedAt);

        var row = IssuedDocumentProjection.Create(new Event<DocumentIssued>(issued));
        IssuedDocumentProjection.Apply(new DocumentRevoked(EventSequence.RequestId, "ABCDEFGH23456789", "Error", new Actor("s", "supervisor", "MOI-CIVIL"), issuedAt.AddDays(2)), row);

        (row.ServiceCode, row.IssuingDepartment, row.IssuedAt).ShouldBe(("BIRTH-CERT", "MOI-CIVIL", issuedAt));
        (row.Revoked, row.RevokedAt).ShouldBe((true, issuedAt.AddDays(2)));
        // The row has no property that could carry the applicant, the officer or the form.
        typeof(IssuedDocument).GetProperties().Select(p => p.Name).Order().ShouldBe(
            ["Id", "IssuedAt", "IssuingDepartment", "RequestId", "Revoked", "RevokedAt", "ServiceCode"]);
    }
}
