using System.Security.Claims;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// The caller's claims are read once, at authentication, and kept on the principal (issue 16); the one reading must
/// answer what the framework's <c>FindFirst</c> answered, or a caller could be recorded as someone else.
/// </summary>
public sealed class CallerClaimsTests(AppFixture app)
{
    [Fact]
    public async Task Authentication_hands_on_the_token_identity_with_its_claims_read_once()
    {
        var nationalId = Citizens.NewNationalId();
        var token = app.TokenFor("officer-claims", Roles.Officer, "MOI-CIVIL", nationalId, clientId: "portal");

        var principal = await AuthenticateAsync(token);

        var caller = principal.ShouldBeOfType<CallerPrincipal>().Caller;
        caller.Subject.ShouldBe("officer-claims");
        caller.Roles.ShouldBe([Roles.Officer]);
        caller.Department.ShouldBe("MOI-CIVIL");
        caller.NationalId.ShouldBe(nationalId);
        caller.ClientId.ShouldBe("portal");
        // The token handler's own identity, untouched: what authorization and FindFirst read is what they read before.
        var identity = principal.Identities.ShouldHaveSingleItem();
        identity.IsAuthenticated.ShouldBeTrue();
        identity.FindFirst(ClaimNames.Subject)!.Value.ShouldBe(caller.Subject);
        identity.FindFirst(ClaimNames.Department)!.Value.ShouldBe(caller.Department);
        identity.FindFirst(ClaimNames.NationalId)!.Value.ShouldBe(caller.NationalIdAsSent);
        identity.FindFirst(ClaimNames.ClientId)!.Value.ShouldBe(caller.ClientId);
        // The kept roles answer as the token's identity answers, for every role and for near misses.
        var asTheFrameworkReadsIt = new ClaimsPrincipal(principal.Identities);
        foreach (var role in Roles.All.Append("Officer").Append("officer "))
        {
            principal.IsInRole(role).ShouldBe(asTheFrameworkReadsIt.IsInRole(role), role);
        }
        principal.IsInRole(Roles.Officer).ShouldBeTrue();
        principal.ToActor().ShouldBe(new(caller.Subject!, Roles.Officer, "MOI-CIVIL", nationalId));
    }

    [Fact]
    public async Task A_token_with_a_broken_identity_is_not_authenticated()
    {
        var token = app.TokenFor("officer-without-department", Roles.Officer, nationalId: Citizens.NewNationalId());

        (await app.AuthenticateAsync(token)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void The_first_claim_of_a_type_counts_across_identities_and_every_role_is_kept()
    {
        var principal = new ClaimsPrincipal(new[]
        {
            new ClaimsIdentity([new(ClaimNames.Role, Roles.Citizen), new(ClaimNames.Subject, "first"), new(ClaimNames.Subject, "second")], "token"),
            new ClaimsIdentity([new(ClaimNames.Subject, "third"), new(ClaimNames.Role, Roles.Officer), new(ClaimNames.Department, "MOI-CIVIL")], "other"),
        });

        var caller = CallerClaims.Read(principal);

        caller.Subject.ShouldBe(principal.FindFirst(ClaimNames.Subject)!.Value);
        caller.Subject.ShouldBe("first");
        caller.Roles.ShouldBe([Roles.Citizen, Roles.Officer]);
        caller.Role.ShouldBe(Roles.Citizen);
        caller.Department.ShouldBe("MOI-CIVIL");
        caller.NationalId.ShouldBeNull();
        IdentityClaimsRule.Check(caller).ShouldNotBeNull().Claim.ShouldBe(ClaimNames.Role);
    }

    [Fact]
    public void Claim_names_are_case_sensitive_and_the_national_id_is_read_in_ASCII_digits()
    {
        var id = Citizens.NewNationalId();
        var arabic = string.Concat(id.Select(c => (char)('\u0660' + (c - '0'))));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new("SUB", "shouted"), new("Role", Roles.Admin), new(ClaimNames.Subject, "citizen-1"), new(ClaimNames.NationalId, arabic)], "token"));

        var caller = CallerClaims.Read(principal);

        caller.Subject.ShouldBe("citizen-1");
        caller.Roles.ShouldBeEmpty();
        caller.NationalIdAsSent.ShouldBe(arabic);
        caller.NationalId.ShouldBe(id);
        principal.ApplicantId().ShouldBe(id);
        principal.ToActor().Role.ShouldBe("");
    }

    [Fact]
    public void A_client_app_is_its_own_token_without_a_role()
    {
        static ClaimsPrincipal Token(params Claim[] claims) => new(new ClaimsIdentity(claims, "token"));

        Token(new(ClaimNames.Subject, "app-1"), new(ClaimNames.ClientId, "app-1")).ClientApp().ShouldBe("app-1");
        Token(new(ClaimNames.Subject, "app-1"), new(ClaimNames.ClientId, "app-1"), new(ClaimNames.Role, Roles.Citizen)).ClientApp().ShouldBeNull();
        Token(new(ClaimNames.Subject, "citizen-1"), new(ClaimNames.ClientId, "app-1")).ClientApp().ShouldBeNull();
    }

    [Fact]
    public void An_identity_with_another_role_claim_type_is_asked_its_roles_itself()
    {
        // The framework's default role claim type is not "role": such an identity's roles are what it says they are.
        var other = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimNames.Subject, "s"), new(ClaimTypes.Role, Roles.Auditor), new(ClaimNames.Role, Roles.Admin)], "other"));

        var principal = new CallerPrincipal(other, CallerClaims.Read(other));

        principal.IsInRole(Roles.Auditor).ShouldBeTrue();
        principal.IsInRole(Roles.Admin).ShouldBeFalse();
        principal.Caller.Roles.ShouldBe([Roles.Admin]);
    }

    private async Task<ClaimsPrincipal> AuthenticateAsync(string token)
    {
        var result = await app.AuthenticateAsync(token);
        result.Succeeded.ShouldBeTrue(result.Failure?.Message);
        return result.Principal!;
    }
}
