using System.Net;
using Marten;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Documents;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// Arabic-Indic, Eastern Arabic-Indic and fullwidth digits are ordinary input here: a card number written with them is
/// still refused, wherever in the request it is, and a national ID written with them is the same ID.
/// </summary>
public sealed class OtherDigitsTests(AppFixture app)
{
    // 4012 8888 8888 1881 (a Luhn-valid test card) in three scripts.
    public static TheoryData<string> Cards => ["٤٠١٢٨٨٨٨٨٨٨٨١٨٨١", "۴۰۱۲ ۸۸۸۸ ۸۸۸۸ ۱۸۸۱", "４０１２-８８８８-８８８８-１８８１"];

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task A_card_number_in_other_digits_in_a_JSON_body_is_refused(string card)
    {
        var citizen = new Journey(app, "BUILDING-PERMIT");
        var refused = await app.Host.Scenario(s =>
        {
            s.As(citizen.CitizenToken).Post
                .Json(new { serviceCode = "BUILDING-PERMIT", form = new { basinNumber = "7", parcelNumber = card, floors = "2", areaSqm = "100" } })
                .ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(400);
        });
        refused.ReadAsText().ShouldContain("card_data_refused");
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public async Task A_card_number_in_a_document_file_name_is_refused_and_not_stored(string card)
    {
        var citizen = new Journey(app, "BUILDING-PERMIT");
        using var answer = await Uploads.PostAsync(app, citizen.CitizenToken, Uploads.Pdf(), fileName: $"card {card}.pdf");

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("card_data_refused");
        (await StoredDocumentsOfAsync(citizen.CitizenId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_card_number_in_ASCII_digits_in_a_file_name_route_value_or_idempotency_key_is_refused()
    {
        var citizen = new Journey(app, "BUILDING-PERMIT");
        using (var upload = await Uploads.PostAsync(app, citizen.CitizenToken, Uploads.Pdf(), fileName: "4012888888881881.pdf"))
        {
            upload.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        using (var keyed = await Uploads.PostAsync(app, citizen.CitizenToken, Uploads.Pdf(), fileName: "deed.pdf", idempotencyKey: "4012-8888-8888-1881"))
        {
            keyed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
        (await StoredDocumentsOfAsync(citizen.CitizenId)).ShouldBe(0);

        var routed = await app.Host.Scenario(s =>
        {
            s.As(citizen.CitizenToken).Get.Url("/api/documents/4012888888881881");
            s.StatusCodeShouldBe(400);
        });
        routed.ReadAsText().ShouldContain("card_data_refused");
    }

    [Fact]
    public async Task A_citizen_whose_national_id_is_in_Arabic_Indic_digits_applies_under_the_ASCII_id()
    {
        var id = Citizens.NewNationalId();
        var arabic = string.Concat(id.Select(c => (char)('\u0660' + (c - '0'))));
        var token = app.TokenFor("citizen-arabic-" + id, Roles.Citizen, nationalId: arabic);

        var submitted = await app.Host.Scenario(s =>
        {
            s.As(token).Post
                .Json(new { serviceCode = "BUILDING-PERMIT", form = new { basinNumber = "٧", parcelNumber = "١١٢", floors = "٣", areaSqm = "٢٤٠" } })
                .ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(201);
        });
        submitted.ReadAsText().ShouldNotBeEmpty();

        await using var session = app.Store.QuerySession();
        var stored = await session.Query<ServiceRequestDetails>().SingleAsync(d => d.ApplicantId == id, TestContext.Current.CancellationToken);
        stored.Form["floors"].ShouldBe("3");
    }

    private async Task<long> StoredDocumentsOfAsync(string owner)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand("select count(*) from mygov.uploaded_documents where owner like '%' || @owner || '%'", connection);
        query.Parameters.AddWithValue("owner", owner);
        return (long)(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
