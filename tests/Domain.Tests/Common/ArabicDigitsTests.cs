using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Staff;
using MyGovernment.Domain.Tests.Catalog;
using Shouldly;

namespace MyGovernment.Domain.Tests.Common;

/// <summary>Arabic-Indic, Eastern Arabic-Indic and fullwidth digits are ordinary input: the same number, stored in ASCII.</summary>
public sealed class ArabicDigitsTests
{
    // 123456782 written three other ways.
    public static TheoryData<string> ValidIdInOtherDigits => ["١٢٣٤٥٦٧٨٢", "۱۲۳۴۵۶۷۸۲", "１２３４５６７８２", "١٢٣456٧٨٢"];

    [Theory]
    [MemberData(nameof(ValidIdInOtherDigits))]
    public void A_national_id_in_Arabic_Indic_or_fullwidth_digits_is_the_same_id(string typed) => NationalId.IsValid(typed).ShouldBeTrue();

    [Fact]
    public void A_wrong_check_digit_stays_wrong_in_any_script() => NationalId.IsValid("١٢٣٤٥٦٧٨٩").ShouldBeFalse();

    [Fact]
    public void Form_numbers_dates_and_ids_typed_in_Arabic_digits_are_stored_in_ASCII_and_text_is_kept_as_typed()
    {
        var form = FormValidation.Normalise(TestCatalog.PublishedPaidService().Fields, new Dictionary<string, string?>
        {
            ["fullName"] = "محمد ٣",
            ["birthDate"] = "١٩٩٠-٠٥-١٧",
            ["floors"] = "۳",
            ["spouseId"] = "１２３４５６７８２",
        });

        form["birthDate"].ShouldBe("1990-05-17");
        form["floors"].ShouldBe("3");
        form["spouseId"].ShouldBe("123456782");
        form["fullName"].ShouldBe("محمد ٣");
    }

    [Fact]
    public void An_officer_enrolled_with_an_Arabic_digit_national_id_is_recorded_with_the_ASCII_id()
    {
        var admin = new Actor("admin-1", "admin");
        var events = RosterDecisions.Enroll(null, "DEPT-A", "officer-1", "١٢٣٤٥٦٧٨٢", "officer", admin, TestCatalog.Now);

        events.OfType<OfficerEnrolled>().Single().NationalId.ShouldBe("123456782");
    }
}
