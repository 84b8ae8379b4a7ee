using MyGovernment.Api.Identity;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Catalog;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>Every seeded service can be driven through the HTTP API from submission to a verifiable document.</summary>
public sealed class SeededServiceJourneyTests(AppFixture app)
{
    private static readonly string[] Codes =
        ["BIRTH-CERT", "NO-CRIMINAL-RECORD", "VEHICLE-LICENCE-RENEWAL", "COMMERCIAL-REGISTRATION", "BUILDING-PERMIT", "JOBSEEKER-REGISTRATION"];

    public static TheoryData<string> SeededServices => new(Codes);

    [Fact]
    public void The_journeys_cover_every_seeded_service() =>
        Codes.ShouldBe(DemoCatalog.Services.Select(s => s.Definition.Code), ignoreOrder: true);

    [Theory]
    [MemberData(nameof(SeededServices))]
    public async Task A_seeded_service_goes_from_submission_to_an_issued_verifiable_document(string code)
    {
        var service = await (await app.Host.Scenario(s => s.Get.Url($"/api/services/{code}"))).ReadAsJsonAsync<ServiceCatalogEntry>();
        var request = new Journey(app, code);
        await request.SubmitAsync(service!.Fields.ToDictionary(f => f.Name, f => SampleValue(f, request.CitizenId)));
        await request.SupplyDocumentsAsync(app);

        if (service.IsPaid)
        {
            var fee = (await request.ReadAsync()).Fee!.Total;
            await request.SendAndSettleAsync(app.TokenFor("finance-journey", Roles.Finance, "TREASURY"), "payments",
                new { paymentReference = $"PAY-{request.Id}", amount = fee.Amount, currency = fee.Currency });
        }

        for (var step = 0; step < service.Workflow.Count; step++)
        {
            var department = service.Workflow[step].DepartmentCode;
            var details = await request.ReadAsync();
            details.CurrentDepartment.ShouldBe(department);
            // The department may have given it to a rostered officer automatically; otherwise one claims it.
            var officer = details.AssignedTo ?? $"{department.ToLowerInvariant()}-journey-{request.Id}";
            var token = Journey.Officer(app, officer, department);
            if (details.AssignedTo is null)
            {
                await request.SendAsync(token, "claim");
            }

            if (step < service.Workflow.Count - 1)
            {
                await request.SendAndSettleAsync(token, "steps/complete", new { note = "Step done" });
                continue;
            }
            await request.SendAsync(token, "decision/propose", new { outcome = "Approve", note = "All requirements met" });
            if (service.RequiresSecondApprover)
            {
                await request.SendAsync(Journey.Officer(app, $"{department.ToLowerInvariant()}-checker-{request.Id}", department, Roles.Supervisor),
                    "decision/confirm", new { note = "Confirmed" });
            }
            (await request.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Approved);
            await request.SendAsync(token, "issue");
        }

        var issued = await request.ReadAsync(request.CitizenToken);
        issued.Status.ShouldBe(ServiceRequestStatus.Issued);
        var verified = await app.Host.Scenario(s => s.Get.Url($"/api/documents/verify/{issued.VerificationCode}"));
        (await verified.ReadAsJsonAsync<DocumentVerification>())!.ServiceCode.ShouldBe(code);
    }

    private static string SampleValue(FormField field, string nationalId) => field.Type switch
    {
        FieldType.Number => "3",
        FieldType.Date => "2025-06-01",
        FieldType.NationalId => nationalId,
        FieldType.Boolean => "true",
        _ => field.Name[..Math.Min(field.Name.Length, field.MaxLength)],
    };
}
