using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using MyGovernment.Domain.ServiceRequests;

namespace MyGovernment.Projections.ServiceRequests;

/// <summary>
/// What the public verification endpoint reveals about an issued document: genuine or not, which service, when,
/// and whether it was revoked. Nothing personal beyond what the holder shows. Keyed by verification code.
/// </summary>
public sealed class IssuedDocument
{
    public string Id { get; set; } = "";
    public Guid RequestId { get; set; }
    public string ServiceCode { get; set; } = "";
    public string IssuingDepartment { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public bool Revoked { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed partial class IssuedDocumentProjection : MultiStreamProjection<IssuedDocument, string>
{
    /// <summary>Run inline only for the transactions with an event of this projection's (see InlineScreen).</summary>
    protected override IInlineProjection<IDocumentOperations> buildForInline() => new InlineScreen(base.buildForInline(), () => AllEventTypes);

    public IssuedDocumentProjection()
    {
        Identity<DocumentIssued>(e => e.VerificationCode);
        Identity<DocumentRevoked>(e => e.VerificationCode);
    }

    public static IssuedDocument Create(IEvent<DocumentIssued> e) => new()
    {
        RequestId = e.Data.RequestId,
        ServiceCode = e.Data.ServiceCode,
        IssuingDepartment = e.Data.By.Department ?? "",
        IssuedAt = e.Data.At,
    };

    public static void Apply(DocumentRevoked e, IssuedDocument view)
    {
        view.Revoked = true;
        view.RevokedAt = e.At;
    }
}
