using MyGovernment.Domain.Catalog;

namespace MyGovernment.Application.Catalog;

/// <summary>
/// Tell us once in the demo catalog: the Ministry of Justice's no-criminal-record certificate, issued by its own
/// service, is referenced by code for the commercial registration at the Ministry of National Economy (valid 90 days).
/// </summary>
public static class DemoCatalogDocumentSources
{
    public static IReadOnlyList<RequiredDocumentSourceDefined> All { get; } =
    [
        new("COMMERCIAL-REGISTRATION", "NO-CRIMINAL-RECORD", "NO-CRIMINAL-RECORD", ValidityDays: 90, HolderField: null),
    ];

    public static IEnumerable<object> For(string serviceCode) => All.Where(s => s.ServiceCode == serviceCode);
}
