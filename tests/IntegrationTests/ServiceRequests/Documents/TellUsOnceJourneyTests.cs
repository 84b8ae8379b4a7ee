using MyGovernment.Api.Identity;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Api.ServiceRequests.Documents;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Catalog;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Catalog;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests.Documents;

/// <summary>
/// Two departments linked: the Ministry of Justice issues a no-criminal-record certificate, and the Ministry of National
/// Economy's commercial registration takes it by its verification code instead of an upload (seeded demo catalog).
/// </summary>
public sealed class TellUsOnceJourneyTests(AppFixture app)
{
    private const string Certificate = "NO-CRIMINAL-RECORD";
    private const string Registration = "COMMERCIAL-REGISTRATION";

    [Fact]
    public async Task Commercial_registration_is_decided_on_a_referenced_certificate_and_refused_while_documents_are_missing()
    {
        var certificate = await IssueCertificateAsync(Citizens.NewNationalId());
        var offers = await OffersAsync(certificate);
        offers.ShouldHaveSingleItem().VerificationCode.ShouldBe(certificate.Code);
        offers[0].DocumentCode.ShouldBe(Certificate);
        offers[0].ValidUntil.ShouldBe(certificate.IssuedAt.AddDays(90));

        var registration = await PaidRegistrationAsync(certificate.CitizenId);
        (await registration.ReadAsync(registration.CitizenToken)).MissingDocuments.ShouldBe(["ARTICLES", Certificate], ignoreOrder: true);
        var officer = await ClaimAsync(registration);
        await registration.RefusedAsync(officer, "decision/propose", new { outcome = "Approve", note = "ok" }, 422, "required_documents_missing");

        await registration.SupplyDocumentsAsync(app, "ARTICLES");
        await registration.RefusedAsync(officer, "decision/propose", new { outcome = "Approve", note = "ok" }, 422, "required_documents_missing");
        await registration.SendAsync(registration.CitizenToken, "document-references", new { documentCode = Certificate, verificationCode = certificate.Code });

        var details = await registration.ReadAsync(officer);
        details.MissingDocuments.ShouldBeEmpty();
        var referenced = details.Documents.Single(d => d.Code == Certificate);
        referenced.SuppliedBy.ShouldBe("reference");
        referenced.VerificationCode.ShouldBe(certificate.Code);
        details.Documents.Single(d => d.Code == "ARTICLES").SuppliedBy.ShouldBe("upload");
        (await TimelineTypesAsync(registration)).ShouldContain("\"issued_document_referenced\"");

        await registration.SendAsync(officer, "decision/propose", new { outcome = "Approve", note = "Complete file" });
        await registration.SendAsync(Journey.Officer(app, $"mne-checker-{registration.Id}", "MNE", Roles.Supervisor), "decision/confirm", new { note = "ok" });
        await registration.SendAsync(officer, "issue");
        (await registration.ReadAsync()).Status.ShouldBe(ServiceRequestStatus.Issued);
    }

    [Fact]
    public async Task A_failed_check_is_a_422_naming_the_reason_and_appends_nothing()
    {
        var mine = await IssueCertificateAsync(Citizens.NewNationalId());
        var someoneElses = await IssueCertificateAsync(Citizens.NewNationalId());
        var registration = await PaidRegistrationAsync(mine.CitizenId);
        var token = registration.CitizenToken;

        await registration.RefusedAsync(token, "document-references", new { documentCode = Certificate, verificationCode = "ZZZZZZZZZZZZZZZZ" }, 422, "reference_not_found");
        await registration.RefusedAsync(token, "document-references", new { documentCode = Certificate, verificationCode = someoneElses.Code }, 422, "reference_not_holder");
        await registration.RefusedAsync(token, "document-references", new { documentCode = "ARTICLES", verificationCode = mine.Code }, 422, "document_not_referenceable");
        await registration.RefusedAsync(token, "document-references", new { documentCode = "PASSPORT", verificationCode = mine.Code }, 422, "document_not_required");
        using (TestClock.Advance(TimeSpan.FromDays(91)))
        {
            await registration.RefusedAsync(token, "document-references", new { documentCode = Certificate, verificationCode = mine.Code }, 422, "reference_expired");
        }
        await RevokeAsync(mine);
        await registration.RefusedAsync(token, "document-references", new { documentCode = Certificate, verificationCode = mine.Code }, 422, "reference_revoked");
        (await OffersAsync(mine)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoking_a_referenced_certificate_flags_the_registration_until_a_replacement_is_referenced()
    {
        var certificate = await IssueCertificateAsync(Citizens.NewNationalId());
        var registration = await PaidRegistrationAsync(certificate.CitizenId);
        await registration.SupplyDocumentsAsync(app, "ARTICLES");
        await registration.SendAsync(registration.CitizenToken, "document-references", new { documentCode = Certificate, verificationCode = certificate.Code });
        var officer = await ClaimAsync(registration);

        await RevokeAsync(certificate);
        await DurableInbox.DrainedAsync(app, certificate.RequestId, registration.Id);
        var flagged = await registration.ReadAsync(registration.CitizenToken);
        flagged.Flags.HasFlag(RequestFlags.ReliesOnRevokedDocument).ShouldBeTrue();
        flagged.MissingDocuments.ShouldBe([Certificate]);
        (await QueueAsync(officer)).Single(q => q.Id == registration.Id).Flags.HasFlag(RequestFlags.ReliesOnRevokedDocument).ShouldBeTrue();
        (await TimelineTypesAsync(registration)).ShouldContain("\"referenced_document_revoked\"");
        await registration.RefusedAsync(officer, "decision/propose", new { outcome = "Approve", note = "ok" }, 422, "referenced_document_revoked");

        var replacement = await IssueCertificateAsync(certificate.CitizenId);
        await registration.SendAsync(registration.CitizenToken, "document-references", new { documentCode = Certificate, verificationCode = replacement.Code });
        var resolved = await registration.ReadAsync();
        resolved.Flags.HasFlag(RequestFlags.ReliesOnRevokedDocument).ShouldBeFalse();
        resolved.MissingDocuments.ShouldBeEmpty();
        await registration.SendAsync(officer, "decision/propose", new { outcome = "Approve", note = "Replacement certificate" });
    }

    [Fact]
    public async Task An_admin_accepts_a_certificate_for_a_person_named_in_the_form_and_only_theirs_is_then_accepted()
    {
        var admin = app.AdminToken();
        var code = CatalogAdmin.NewCode("T");
        await app.Post(admin, "/api/admin/services", new
        {
            code, departmentCode = "MOI-CIVIL", name = new { ar = "وصاية", en = "Guardianship " + code }, description = new { ar = "وصف", en = "Test" },
            fields = new object[] { new { name = "wardNationalId", type = "NationalId", required = true, label = new { ar = "هوية", en = "Ward ID" } } },
            requiredDocuments = new object[]
            {
                new { code = Certificate, name = new { ar = "شهادة", en = "Ward's certificate" }, issuedByGovernment = true },
                new { code = "ID-COPY", name = new { ar = "صورة", en = "ID copy" }, issuedByGovernment = false },
            },
            isPaid = false, workflow = new[] { new { departmentCode = "MOI-CIVIL", name = new { ar = "مراجعة", en = "Review" } } },
            requiresSecondApprover = false, slaWorkingDays = 4,
        }, 201);
        var source = $"/api/admin/services/{code}/required-documents/{Certificate}/source";
        await app.Post(admin, source, new { issuingServiceCode = Certificate, validityDays = 30, holderField = "nope" }, 422);
        await app.Post(admin, source, new { issuingServiceCode = "NO-SUCH-SERVICE", validityDays = 30 }, 422);
        await app.Post(admin, $"/api/admin/services/{code}/required-documents/ID-COPY/source", new { issuingServiceCode = Certificate, validityDays = 30 }, 422);
        await app.Post(admin, source, new { issuingServiceCode = Certificate, validityDays = 0 }, 400);
        await app.Post(admin, source, new { issuingServiceCode = Certificate, validityDays = 30, holderField = "wardNationalId" }, 200);
        await app.Post(admin, $"/api/admin/services/{code}/publish", new { }, 200);
        var entry = await (await app.Host.Scenario(s => s.Get.Url($"/api/services/{code}"))).ReadAsJsonAsync<ServiceCatalogEntry>();
        entry!.DocumentSources.ShouldHaveSingleItem().ShouldBe(new RequiredDocumentSourceDefined(code, Certificate, Certificate, 30, "wardNationalId"));

        var guardian = await IssueCertificateAsync(Citizens.NewNationalId());
        var ward = await IssueCertificateAsync(Citizens.NewNationalId());
        var request = new Journey(app, code, guardian.CitizenId);
        await request.SubmitAsync(new { wardNationalId = ward.CitizenId });
        // A free service enters the queue at once: let automatic assignment finish so the version read here stays put.
        await DurableInbox.DrainedAsync(app, request.Id);
        await request.ReadAsync();
        await request.RefusedAsync(request.CitizenToken, "document-references", new { documentCode = Certificate, verificationCode = guardian.Code }, 422, "reference_not_holder");
        await request.SendAsync(request.CitizenToken, "document-references", new { documentCode = Certificate, verificationCode = ward.Code });
        (await request.ReadAsync()).MissingDocuments.ShouldBe(["ID-COPY"]);
    }

    private sealed record IssuedCertificate(string CitizenId, Guid RequestId, string Code, DateTimeOffset IssuedAt);

    /// <summary>The Ministry of Justice's side: the citizen applies, pays, and the certificate is issued.</summary>
    private async Task<IssuedCertificate> IssueCertificateAsync(string citizenId)
    {
        var request = new Journey(app, Certificate, citizenId);
        await request.SubmitAsync(new { purpose = "Companies Controller", motherName = "Amal" });
        await PayAsync(request);
        var officer = await ClaimAsync(request);
        await request.SendAsync(officer, "decision/propose", new { outcome = "Approve", note = "No record" });
        await request.SendAsync(officer, "issue");
        var issued = await request.ReadAsync();
        return new IssuedCertificate(citizenId, request.Id, issued.VerificationCode!, issued.IssuedAt!.Value);
    }

    private async Task<Journey> PaidRegistrationAsync(string citizenId)
    {
        var registration = new Journey(app, Registration, citizenId);
        await registration.SubmitAsync(new { tradeName = "Nablus Olive Co", capitalIls = "50000", activity = "Olive oil trade" });
        await PayAsync(registration);
        return registration;
    }

    private async Task PayAsync(Journey request)
    {
        var fee = (await request.ReadAsync()).Fee!.Total;
        await request.SendAndSettleAsync(app.TokenFor("finance-tell-us-once", Roles.Finance, "TREASURY"), "payments",
            new { paymentReference = $"PAY-{request.Id}", amount = fee.Amount, currency = fee.Currency });
    }

    /// <summary>The officer holding the request at its current step (claimed when nobody was assigned automatically).</summary>
    private async Task<string> ClaimAsync(Journey request)
    {
        var details = await request.ReadAsync();
        var department = details.CurrentDepartment!;
        var token = Journey.Officer(app, details.AssignedTo ?? $"{department.ToLowerInvariant()}-{request.Id}", department);
        if (details.AssignedTo is null)
        {
            await request.SendAsync(token, "claim");
        }
        return token;
    }

    private async Task RevokeAsync(IssuedCertificate certificate)
    {
        var supervisor = Journey.Officer(app, $"moj-supervisor-{certificate.RequestId}", "MOJ", Roles.Supervisor);
        var read = await app.Host.Scenario(s => s.As(supervisor).Get.Url($"/api/service-requests/{certificate.RequestId}"));
        var version = read.Context.Response.Headers.ETag.ToString().Trim('"');
        await app.Host.Scenario(s =>
        {
            s.As(supervisor).Post.Json(new { reason = "Issued on a mistaken identity", expectedVersion = long.Parse(version) })
                .ToUrl($"/api/service-requests/{certificate.RequestId}/revoke");
            s.StatusCodeShouldBe(200);
        });
    }

    private async Task<IReadOnlyList<DocumentOffer>> OffersAsync(IssuedCertificate certificate)
    {
        var token = app.TokenFor("citizen-" + certificate.CitizenId, Roles.Citizen, nationalId: certificate.CitizenId);
        var result = await app.Host.Scenario(s => s.As(token).Get.Url($"/api/me/document-offers?service={Registration}"));
        return (await result.ReadAsJsonAsync<List<DocumentOffer>>())!;
    }

    private async Task<IReadOnlyList<QueueItem>> QueueAsync(string officer)
    {
        var result = await app.Host.Scenario(s => s.As(officer).Get.Url("/api/departments/MNE/queue?limit=100&service=" + Registration));
        return (await result.ReadAsJsonAsync<MyGovernment.Api.Paging.Page<QueueItem>>())!.Items;
    }

    /// <summary>The stored event type names on the request's timeline (Marten's snake_case names).</summary>
    private async Task<string> TimelineTypesAsync(Journey request)
    {
        var result = await app.Host.Scenario(s => s.As(request.CitizenToken).Get.Url($"{request.Url}/timeline"));
        return await result.ReadAsTextAsync();
    }
}
