using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace MyGovernment.Web.Shared;

/// <summary>
/// <c>&lt;mg-field-error for="name" /&gt;</c>: the errors the engine gave for one field (put into ModelState by
/// <see cref="EngineErrors"/>), next to that field. Its id is "error-{for}", for the input's aria-describedby.
/// </summary>
[HtmlTargetElement("mg-field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public string For { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ModelState.TryGetValue(For, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", ErrorId(For));
        output.Content.SetContent(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
    }

    public static string ErrorId(string field) => "error-" + field;
}
