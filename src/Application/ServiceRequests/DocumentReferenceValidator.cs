using FluentValidation;
using MyGovernment.Application.Documents;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>Document metadata only: the content lives in document storage and is identified by its SHA-256.</summary>
public sealed class DocumentReferenceValidator : AbstractValidator<DocumentReference>
{
    public DocumentReferenceValidator()
    {
        RuleFor(d => d.DocumentType).NotEmpty().MaximumLength(60);
        RuleFor(d => d.FileName).NotEmpty().MaximumLength(255).Must(PlainFileName.IsPlain).WithMessage(PlainFileName.Message);
        RuleFor(d => d.ContentType).NotEmpty().MaximumLength(100);
        RuleFor(d => d.SizeBytes).InclusiveBetween(1, DocumentsOptions.AbsoluteMaxBytes);
        RuleFor(d => d.Sha256).NotEmpty().Matches("^[0-9a-f]{64}$").WithMessage("'Sha256' must be 64 lowercase hex characters.");
    }
}
