namespace MyGovernment.Api.Errors;

/// <summary>A text in both languages the API answers in.</summary>
public sealed record Bilingual(string En, string Ar)
{
    public string In(bool arabic) => arabic ? Ar : En;
}

/// <summary>
/// One entry of the error catalogue: the code clients branch on, the status it is answered with, and its title and
/// detail in English and Arabic. <see cref="Context"/> distinguishes entries that share a code but are worded for a
/// situation (maker-checker on a refund); a detail may name problem members in braces (<c>{line}</c>), filled from
/// the problem's own members so both languages can say where something went wrong.
/// </summary>
public sealed record ErrorEntry(string Code, int Status, Bilingual Title, Bilingual Detail, string? Context = null);
