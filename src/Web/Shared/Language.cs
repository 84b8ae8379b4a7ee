using Microsoft.AspNetCore.Http;
using MyGovernment.Client.Models;

namespace MyGovernment.Web.Shared;

/// <summary>
/// The reader's language: Arabic unless the remembered switch (cookie) says English. Pages and views write their
/// text in both languages beside its use: <c>@L.T("Services", "الخدمات")</c>, so each area owns its own strings.
/// </summary>
public sealed class Language(IHttpContextAccessor accessor)
{
    public const string CookieName = "mygov-lang";

    public bool IsArabic => accessor.HttpContext?.Request.Cookies[CookieName] != "en";

    public string Code => IsArabic ? "ar" : "en";

    public string Dir => IsArabic ? "rtl" : "ltr";

    public string T(string english, string arabic) => IsArabic ? arabic : english;

    /// <summary>A catalog name (service, department, document) in the reader's language, falling back to the other.</summary>
    public string Pick(LocalizedText? text) => text is null ? "" : IsArabic ? Or(text.Ar, text.En) : Or(text.En, text.Ar);

    public string Pick(Bilingual? text) => text is null ? "" : IsArabic ? Or(text.Ar, text.En) : Or(text.En, text.Ar);

    private static string Or(string? first, string? second) => string.IsNullOrWhiteSpace(first) ? second ?? "" : first;
}
