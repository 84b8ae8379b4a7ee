namespace MyGovernment.Web.Pages.Staff;

/// <summary>One labelled input of a staff form: bound to Input.{Name}, its engine errors keyed by Name.</summary>
public sealed record FieldView(string Form, string Name, string Label, string? Value, bool Multiline = false, string Type = "text", string? List = null)
{
    public string InputId => $"{Form}-{Name}";
}
