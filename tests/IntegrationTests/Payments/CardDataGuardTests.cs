using System.Text.Json.Nodes;
using Alba;
using MyGovernment.Domain.Common;
using MyGovernment.IntegrationTests.Support;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>We never accept card data: a card number anywhere in a JSON body to /api is refused before it can be stored.</summary>
public sealed class CardDataGuardTests(AppFixture app)
{
    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("my card is 5500 0000 0000 0004, please charge it")]
    [InlineData("378282246310005")]
    [InlineData("6011111111111117")]
    public void Luhn_valid_card_numbers_are_recognised(string text) => CardNumbers.IsCardNumber(text).ShouldBeTrue();

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("123456782")]
    [InlineData("0599123456")]
    [InlineData("41111111111111111111")]
    [InlineData("4111  1111 1111 1111")]
    [InlineData("0190a000-0000-7000-8000-000000000001")]
    // A verification code or id of zeros: Luhn-valid, but no card number starts with 0.
    [InlineData("0000000000000000")]
    // A GUID whose middle groups happen to form a Luhn-valid 16-digit run is an id, not a card.
    [InlineData("PAY-01a21f6c-4111-1111-1111-1111d4e3f2aa")]
    [InlineData("")]
    public void Other_numbers_are_not(string text) => CardNumbers.IsCardNumber(text).ShouldBeFalse();

    [Fact]
    public async Task A_card_number_in_any_field_is_refused_and_never_stored()
    {
        var citizen = new Journey(app, "BUILDING-PERMIT");
        const string card = "4012 8888 8888 1881";
        var refused = await app.Host.Scenario(s =>
        {
            s.As(citizen.CitizenToken).Post
                .Json(new { serviceCode = "BUILDING-PERMIT", form = new { basinNumber = "7", parcelNumber = card, floors = "2", areaSqm = "100" } })
                .ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        // The answer never echoes the number. Its traceId is random hex that may hold the same four digits by chance
        // (it did once in CI), so it is left out of the check.
        var problem = JsonNode.Parse(refused.ReadAsText())!.AsObject();
        problem["type"]!.GetValue<string>().ShouldEndWith("card_data_refused");
        problem.Remove("traceId");
        problem.ToJsonString().ShouldNotContain("4012");

        // As a JSON number too, nested anywhere.
        await app.Host.Scenario(s =>
        {
            s.As(citizen.CitizenToken).Post.Text("""{"channel":"Card","extra":{"pan":4012888888881881}}""").ToUrl("/api/service-requests/" + Guid.NewGuid() + "/payment-sessions");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand(
            "select count(*) from mygov.mt_events where data::text like '%4012888888881881%' or data::text like '%4012 8888%'", connection);
        ((long)(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(0);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(16 * 1024 - 40)]
    [InlineData(40 * 1024)]
    public async Task A_card_number_after_any_length_of_body_is_found(int padding)
    {
        // Bodies are read in 16 KB chunks and spill beyond one: the number must be found wherever it falls.
        var citizen = new Journey(app, "BUILDING-PERMIT");
        var body = "{\"serviceCode\":\"BUILDING-PERMIT\",\"form\":{\"note\":\"" + new string('x', padding) + "\",\"parcelNumber\":\"4012888888881881\"}}";
        var refused = await app.Host.Scenario(s =>
        {
            s.As(citizen.CitizenToken).Post.Text(body).ToUrl("/api/service-requests");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        refused.ReadAsText().ShouldContain("card_data_refused");
    }

    [Fact]
    public async Task Ordinary_numbers_pass_the_guard()
    {
        var permit = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(new { basinNumber = "4111111111111112", parcelNumber = "112", floors = "2", areaSqm = "100" });
        permit.Id.ShouldNotBe(Guid.Empty);
    }
}
