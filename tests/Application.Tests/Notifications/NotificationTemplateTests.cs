using MyGovernment.Application.Notifications;
using Shouldly;

namespace MyGovernment.Application.Tests.Notifications;

public sealed class NotificationTemplateTests
{
    // Realistic and long: an eight-character reference, a four-digit fee, two-digit days, the longest department code.
    private static readonly TemplateValues Longest = new("9F3A61C2", "1250.00 ILS", 14, "CIVIL-DEFENCE");

    public static TheoryData<NotificationKind, string> Every => new(
        Enum.GetValues<NotificationKind>().SelectMany(k => NotificationLanguage.Supported.Select(l => (k, l))));

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_template_fits_one_SMS_segment_with_realistic_values(NotificationKind kind, string language)
    {
        var text = NotificationTemplates.Render(kind, language, Longest);
        SmsSegments.Count(text).ShouldBe(1, $"{kind}/{language} is {text.Length} characters: \"{text}\"");
        text.ShouldContain(Longest.Reference);
        // Arabic texts are UCS-2 (70 characters); English ones stay in the GSM-7 alphabet (160).
        SmsSegments.IsGsm7(text).ShouldBe(language == "en", text);
    }

    [Fact]
    public void Segments_are_counted_by_alphabet()
    {
        SmsSegments.Count(new string('a', 160)).ShouldBe(1);
        SmsSegments.Count(new string('a', 161)).ShouldBe(2);
        SmsSegments.Count(new string('{', 81)).ShouldBe(2, "extension characters take two septets");
        SmsSegments.Count(new string('ب', 70)).ShouldBe(1);
        SmsSegments.Count(new string('ب', 71)).ShouldBe(2);
        SmsSegments.Count(new string('ب', 135)).ShouldBe(3, "67 per part once split");
    }
}
