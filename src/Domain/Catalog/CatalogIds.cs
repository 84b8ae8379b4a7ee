using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Catalog;

/// <summary>
/// Catalog streams are addressed by their business code (<see cref="NameBasedId"/>), so the seed is idempotent and
/// a lookup by code needs no index.
/// </summary>
public static class CatalogIds
{
    public static Guid Service(string code) => NameBasedId.For("service", code.ToUpperInvariant());

    public static Guid Department(string code) => NameBasedId.For("department", code.ToUpperInvariant());

    /// <summary>The one working-calendar stream (public holidays).</summary>
    public static Guid Calendar { get; } = NameBasedId.For("calendar", "working");
}
