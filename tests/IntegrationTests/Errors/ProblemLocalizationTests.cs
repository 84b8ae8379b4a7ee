using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Errors;
using MyGovernment.Domain.Common;
using Shouldly;

namespace MyGovernment.IntegrationTests.Errors;

/// <summary>The catalogue's wording for a situation (a code shared by two rules) and for problems written without a raise site's help.</summary>
public sealed class ProblemLocalizationTests
{
    [Fact]
    public void Maker_checker_on_a_refund_speaks_of_the_refund_and_on_a_decision_of_the_decision()
    {
        var refund = Localized("ar", new DomainException("maker_checker", "A refund must be approved by someone else.") { Context = "refund" });
        var decision = Localized("ar", new DomainException("maker_checker", "The officer who proposed a decision cannot also approve it."));

        refund.Detail!.ShouldContain("الرد");
        refund.Detail!.ShouldNotContain("القرار");
        decision.Detail!.ShouldContain("القرار");
        refund.Extensions["code"].ShouldBe("maker_checker");
        decision.Extensions["code"].ShouldBe("maker_checker");
    }

    [Fact]
    public void A_rate_limited_problem_is_in_Arabic_when_asked()
    {
        var problem = new ProblemDetails { Status = 429, Title = "Too many requests", Detail = "Too many requests from this caller. Try again in 5 seconds.", Extensions = { ["code"] = "rate_limited" } };
        Localize("ar", problem, null);

        problem.Title.ShouldBe("طلبات كثيرة جداً");
        problem.Detail.ShouldBe(ErrorCatalogue.Find("rate_limited")!.Detail.Ar);
        problem.Type.ShouldBe("/errors/rate_limited");
    }

    private static ProblemDetails Localized(string language, DomainException rule)
    {
        var problem = new ProblemDetails { Status = 422, Detail = rule.Message, Extensions = { ["code"] = rule.Code } };
        Localize(language, problem, rule);
        return problem;
    }

    private static void Localize(string language, ProblemDetails problem, Exception? exception)
    {
        var http = new DefaultHttpContext();
        var culture = new CultureInfo(language);
        http.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(culture, culture), null));
        ProblemLocalization.Localize(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
