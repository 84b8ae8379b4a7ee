using Alba;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// A correctly signed token whose identity is broken (a citizen without a valid national ID, an officer without a
/// department) is refused at authentication with a stable code, and the development issuer never mints one.
/// </summary>
public sealed class BrokenIdentityTests(AppFixture app)
{
    public static TheoryData<string, string, string?, string?, string, string> Broken => new()
    {
        // role, subject, department, national ID, a route the role may read, the claim at fault
        { Roles.Citizen, "citizen-bad-check", null, "123456789", "/api/me/requests", "national_id" },
        { Roles.Citizen, "citizen-no-id", null, null, "/api/me/requests", "national_id" },
        { Roles.Citizen, "citizen-short-id", null, "12345", "/api/me/requests", "national_id" },
        { Roles.Officer, "officer-no-department", null, "123456782", "/api/me/assignments", "department" },
        { Roles.Supervisor, "supervisor-no-department", null, "123456782", "/api/me/assignments", "department" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_token_with_a_broken_identity_is_401_with_a_stable_code(
        string role, string subject, string? department, string? nationalId, string url, string claim)
    {
        var token = app.Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(subject, role, department, nationalId);

        var refused = await app.Host.Scenario(s =>
        {
            s.As(token).Get.Url(url);
            s.StatusCodeShouldBe(401);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = refused.ReadAsText();
        problem.ShouldContain("\"code\":\"identity_claims_invalid\"");
        problem.ShouldContain($"\"claim\":\"{claim}\"");
    }

    [Fact]
    public async Task Whole_identities_still_pass_and_a_resident_account_needs_no_national_id()
    {
        foreach (var (token, url) in new[]
        {
            (app.TokenFor("citizen-whole", Roles.Citizen, nationalId: Citizens.NewNationalId()), "/api/me/requests"),
            (app.TokenFor("R-resident-1", Roles.Citizen), "/api/me/requests"),
            (app.TokenFor("officer-whole", Roles.Officer, "MOI-CIVIL", Citizens.NewNationalId()), "/api/me/assignments"),
        })
        {
            await app.Host.Scenario(s =>
            {
                s.As(token).Get.Url(url);
                s.StatusCodeShouldBe(200);
            });
        }
    }

    [Theory]
    [InlineData("citizen", null, "123456789", "nationalId")]
    [InlineData("citizen", null, null, "nationalId")]
    [InlineData("officer", null, "123456782", "department")]
    [InlineData("superuser", null, null, "role")]
    public async Task The_development_issuer_refuses_to_mint_a_broken_identity_naming_the_field(string role, string? department, string? nationalId, string field)
    {
        var refused = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { subject = "dev-" + role, role, department, nationalId }).ToUrl("/dev/tokens");
            s.StatusCodeShouldBe(400);
        });
        var problem = refused.ReadAsText();
        problem.ShouldContain($"\"{field}\":[");
        problem.ShouldNotContain("subject is required");
    }
}
