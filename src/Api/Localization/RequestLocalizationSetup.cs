using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace MyGovernment.Api.Localization;

/// <summary>
/// Accept-Language picks the language of messages (Arabic or English, default English). Only the UI culture follows
/// the caller: the formatting culture stays English, so numbers, dates and ETags are never written in another
/// digit set or format because of a header.
/// </summary>
public static class RequestLocalizationSetup
{
    private static readonly CultureInfo[] Formatting = [new("en")];
    private static readonly CultureInfo[] Languages = [new("en"), new("ar")];

    public static void AddMyGovernmentLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Formatting;
            options.SupportedUICultures = Languages;
            // An API has no cookies or query-string culture switches: the header alone decides.
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });

    public static void UseMyGovernmentLocalization(this WebApplication app) => app.UseRequestLocalization();
}

/// <summary>The language the caller asked for, as chosen by the request localization middleware.</summary>
public static class RequestLanguage
{
    public static bool IsArabic(HttpContext context)
    {
        var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        return culture.TwoLetterISOLanguageName == "ar";
    }
}
