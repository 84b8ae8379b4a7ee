using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Localization;

/// <summary>DESIGN §10: problems answer in Arabic or English by Accept-Language; the code is the same in both.</summary>
public sealed partial class ProblemLanguageTests(AppFixture app)
{
    private static readonly object InvalidPermit = new
    {
        serviceCode = "BUILDING-PERMIT",
        form = new { basinNumber = "7", parcelNumber = "112", floors = "three", areaSqm = "240.5" },
    };

    [Fact]
    public async Task The_same_invalid_form_gives_Arabic_or_English_field_messages_by_Accept_Language()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);

        var arabic = await ProblemAsync(400, "ar", s => s.As(token).Post.Json(InvalidPermit).ToUrl("/api/service-requests"));
        var english = await ProblemAsync(400, "en-GB,en;q=0.9", s => s.As(token).Post.Json(InvalidPermit).ToUrl("/api/service-requests"));

        arabic["errors"]!["form.floors"]![0]!.GetValue<string>().ShouldBe("يجب أن يكون 'عدد الطوابق' رقماً.");
        english["errors"]!["form.floors"]![0]!.GetValue<string>().ShouldBe("'Number of floors' must be a number.");
        arabic["title"]!.GetValue<string>().ShouldBe("حقل واحد أو أكثر غير صالح.");
        english["title"]!.GetValue<string>().ShouldBe("One or more fields are invalid.");
        arabic["code"]!.GetValue<string>().ShouldBe("validation_failed");
        english["code"]!.GetValue<string>().ShouldBe("validation_failed");
    }

    [Fact]
    public async Task FluentValidation_messages_follow_the_request_language_inside_the_handler_pipeline()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);
        var body = new { serviceCode = "not a code!", form = new { } };

        var arabic = await ProblemAsync(400, "ar-PS", s => s.As(token).Post.Json(body).ToUrl("/api/service-requests"));
        var english = await ProblemAsync(400, null, s => s.As(token).Post.Json(body).ToUrl("/api/service-requests"));

        var arabicMessage = arabic["errors"]!["serviceCode"]![0]!.GetValue<string>();
        ArabicLetters().IsMatch(arabicMessage).ShouldBeTrue(arabicMessage);
        english["errors"]!["serviceCode"]![0]!.GetValue<string>().ShouldContain("is not in the correct format");
    }

    [Fact]
    public async Task A_command_without_its_expected_version_is_refused_in_the_request_language()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);
        var url = $"/api/service-requests/{Guid.CreateVersion7()}/withdraw";

        var arabic = await ProblemAsync(400, "ar", s => s.As(token).Post.Json(new { reason = "x" }).ToUrl(url));

        arabic["errors"]!["expectedVersion"]![0]!.GetValue<string>().ShouldStartWith("أرسل آخر إصدار اطلعت عليه");
    }

    [Fact]
    public async Task A_business_rule_refusal_has_an_Arabic_title_and_detail_for_its_code()
    {
        var admin = app.TokenFor("admin-lang", Roles.Admin);
        var past = new { date = "2001-01-01", nameAr = "عطلة", nameEn = "Holiday" };

        var arabic = await ProblemAsync(422, "ar", s => s.As(admin).Post.Json(past).ToUrl("/api/admin/calendar/holidays"));
        var english = await ProblemAsync(422, "en", s => s.As(admin).Post.Json(past).ToUrl("/api/admin/calendar/holidays"));

        arabic["code"]!.GetValue<string>().ShouldBe("date_in_past");
        arabic["title"]!.GetValue<string>().ShouldBe("رفضت قاعدة عمل الطلب");
        arabic["detail"]!.GetValue<string>().ShouldBe("لا يمكن تعديل التقويم لأيام سابقة لليوم.");
        english["title"]!.GetValue<string>().ShouldBe("Business rule refused the request");
        english["detail"]!.GetValue<string>().ShouldStartWith("The calendar cannot be changed for days before today");
    }

    [Fact]
    public async Task Not_found_and_unauthorized_problems_have_Arabic_titles_too()
    {
        var citizen = Citizens.NewNationalId();
        var token = app.TokenFor("citizen-" + citizen, Roles.Citizen, nationalId: citizen);

        var missing = await ProblemAsync(404, "ar", s => s.As(token).Get.Url($"/api/service-requests/{Guid.CreateVersion7()}"));
        var anonymous = await ProblemAsync(401, "ar", s => s.Get.Url($"/api/service-requests/{Guid.CreateVersion7()}"));

        missing["title"]!.GetValue<string>().ShouldBe("غير موجود");
        anonymous["title"]!.GetValue<string>().ShouldBe("يلزم تسجيل الدخول");
    }

    [Fact]
    public async Task An_unsupported_language_falls_back_to_English()
    {
        var result = await ProblemAsync(404, "fr-FR", s => s.Get.Url("/api/services/NO-SUCH-SERVICE"));

        result["title"]!.GetValue<string>().ShouldBe("Not found");
    }

    private async Task<JsonNode> ProblemAsync(int status, string? language, Action<Scenario> send)
    {
        var result = await app.Host.Scenario(s =>
        {
            send(s);
            if (language is not null)
            {
                s.WithRequestHeader("Accept-Language", language);
            }
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });
        return JsonNode.Parse(await result.ReadAsTextAsync())!;
    }

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetters();
}
