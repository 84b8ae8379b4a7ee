using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Kiota.Abstractions;
using MyGovernment.Client.Models;

namespace MyGovernment.Web.Shared;

/// <summary><c>&lt;mg-amount money="@fee" /&gt;</c>: "650.00 ILS", isolated left-to-right so RTL text never reorders it.</summary>
[HtmlTargetElement("mg-amount", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AmountTagHelper : TagHelper
{
    public Money? Money { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        Isolated(output, "amount", Money?.Amount is { } amount
            ? $"{((decimal)amount).ToString("N2", CultureInfo.InvariantCulture)} {Money.Currency}"
            : "—");
    }

    internal static void Isolated(TagHelperOutput output, string cssClass, string text)
    {
        output.TagName = "bdi";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("dir", "ltr");
        output.Attributes.SetAttribute("class", cssClass);
        output.Content.SetContent(text);
    }
}

/// <summary><c>&lt;mg-code value="@id" /&gt;</c>: an ID, reference or verification code, isolated left-to-right.</summary>
[HtmlTargetElement("mg-code", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CodeTagHelper : TagHelper
{
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        AmountTagHelper.Isolated(output, "code", Value ?? "—");
}

/// <summary><c>&lt;mg-time at="@when" /&gt;</c>: Palestinian local time with the zone named, in a &lt;time&gt; element.</summary>
[HtmlTargetElement("mg-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TimeTagHelper(Language language) : TagHelper
{
    public DateTimeOffset? At { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (At is not { } at)
        {
            output.Content.SetContent("—");
            return;
        }
        output.Attributes.SetAttribute("datetime", at.ToString("O", CultureInfo.InvariantCulture));
        output.Content.AppendHtml($"<bdi dir=\"ltr\">{PalestineTime.Format(at)}</bdi> ");
        output.Content.Append($"({PalestineTime.ZoneName(language)})");
    }
}

/// <summary><c>&lt;mg-date value="@date" /&gt;</c>: a calendar date (no time, no zone), isolated left-to-right.</summary>
[HtmlTargetElement("mg-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateTagHelper : TagHelper
{
    public Date? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } date)
        {
            output.Content.SetContent("—");
            return;
        }
        var text = date.DateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        output.Attributes.SetAttribute("datetime", text);
        output.Content.AppendHtml($"<bdi dir=\"ltr\">{text}</bdi>");
    }
}
