using MyGovernment.Domain.Common;

namespace MyGovernment.Domain.Catalog;

/// <summary>Tell us once, in the catalog: which issued document may stand in for one of a service's required documents.</summary>
public static class DocumentSourceDecisions
{
    public const int MaxValidityDays = 3650;

    /// <param name="issuingService">The service whose issued documents are accepted; null when it does not exist.</param>
    public static RequiredDocumentSourceDefined Define(
        Service? service, string documentCode, Service? issuingService, int validityDays, string? holderField)
    {
        var current = service ?? throw new NotFoundException("service_not_found", "No such service.");
        if (current.Status == ServiceStatus.Retired)
        {
            throw new DomainException("service_retired", $"Service '{current.Code}' is retired.");
        }
        var document = current.Documents?.FirstOrDefault(d => string.Equals(d.Code, documentCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException("document_not_required", $"Service '{current.Code}' requires no document '{documentCode}'.");
        if (!document.IssuedByGovernment)
        {
            throw new DomainException("document_not_government_issued", $"'{document.Code}' is not marked as issued by the government.");
        }
        if (issuingService is null || issuingService.Status == ServiceStatus.Draft)
        {
            throw new DomainException("unknown_issuing_service", "No published service issues such documents.");
        }
        if (validityDays is < 1 or > MaxValidityDays)
        {
            throw new DomainException("validity_out_of_range", $"Validity is 1 to {MaxValidityDays} days.");
        }
        if (holderField is not null && !current.Fields.Any(f => f.Name == holderField && f.Type == FieldType.NationalId))
        {
            throw new DomainException("holder_field_invalid", $"'{holderField}' is not a national-ID field of the service's form.");
        }
        return new RequiredDocumentSourceDefined(current.Code, document.Code, issuingService.Code, validityDays, holderField);
    }
}
