using MyGovernment.Domain.Catalog;

namespace MyGovernment.Projections.Catalog;

public sealed partial class ServiceCatalogEntryProjection
{
    /// <summary>A later definition for the same document replaces the earlier one.</summary>
    public static void Apply(RequiredDocumentSourceDefined e, ServiceCatalogEntry view)
    {
        view.DocumentSources.RemoveAll(s => string.Equals(s.DocumentCode, e.DocumentCode, StringComparison.OrdinalIgnoreCase));
        view.DocumentSources.Add(e);
    }
}
