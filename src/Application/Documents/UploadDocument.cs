using FluentValidation;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using Wolverine.Marten;

namespace MyGovernment.Application.Documents;

/// <summary>
/// A caller stores a document's content. The API has checked the media type against the content's signature and
/// computed <see cref="Sha256"/> itself; the caller names only the file. <see cref="Content"/> is never logged
/// (<see cref="LogSafeMessage"/> prints no arrays).
/// </summary>
public sealed record UploadDocument(
    Actor By, string FileName, [property: NotPersonal] string ContentType, [property: NotPersonal] string Sha256, byte[] Content) : LogSafeMessage
{
    public static readonly IReadOnlyList<string> AllowedContentTypes = ["application/pdf", "image/jpeg", "image/png"];

    public sealed class Validator : AbstractValidator<UploadDocument>
    {
        public Validator()
        {
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.FileName).NotEmpty().MaximumLength(255)
                .Must(PlainFileName.IsPlain).WithMessage(PlainFileName.Message);
            RuleFor(c => c.ContentType).Must(AllowedContentTypes.Contains).WithMessage("'Content Type' must be application/pdf, image/jpeg or image/png.");
            RuleFor(c => c.Sha256).NotEmpty().Matches("^[0-9a-f]{64}$");
            RuleFor(c => c.Content).NotEmpty();
            RuleFor(c => c.Content.Length).LessThanOrEqualTo((int)DocumentsOptions.AbsoluteMaxBytes).When(c => c.Content is not null).OverridePropertyName("Content");
        }
    }
}

/// <summary>What an upload answers; <see cref="Created"/> tells a first upload (201) from a repeat of the same bytes (200).</summary>
public sealed record DocumentUploaded(string Sha256, long Size, string ContentType, string FileName, bool Created);

/// <summary>The stored metadata of an earlier upload of the same bytes by the same caller.</summary>
public sealed record StoredUpload(string FileName, string ContentType, long SizeBytes);

public static class UploadDocumentHandler
{
    public static async Task<StoredUpload?> LoadAsync(UploadDocument command, IDocumentSession session, CancellationToken ct)
    {
        var found = await session.AdvancedSql.QueryAsync<StoredUpload>(
            $"select jsonb_build_object('fileName', file_name, 'contentType', content_type, 'sizeBytes', size_bytes) from {UploadedDocumentsTable.Qualified(session)} " +
            "where owner = ? and sha256 = ?", ct, command.By.Subject, command.Sha256);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>
    /// The same bytes again answer as the first upload did (its file name included); an unreferenced upload's
    /// retention then starts again, so a caller who re-uploads right before referencing is not purged in between.
    /// Two first uploads racing both insert; the second does nothing on the key and both answer 201 with the same body.
    /// </summary>
    public static (DocumentUploaded, IMartenOp) Handle(UploadDocument command, StoredUpload? earlier, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var owner = command.By.Subject;
        if (earlier is not null)
        {
            return (new DocumentUploaded(command.Sha256, earlier.SizeBytes, earlier.ContentType, earlier.FileName, Created: false),
                new UploadedDocumentsTable.Sql(session => session.QueueSqlCommand(
                    $"update {UploadedDocumentsTable.Qualified(session)} set uploaded_at = ? where owner = ? and sha256 = ? and referenced_at is null",
                    now, owner, command.Sha256)));
        }
        return (new DocumentUploaded(command.Sha256, command.Content.Length, command.ContentType, command.FileName, Created: true),
            new UploadedDocumentsTable.Sql(session => session.QueueSqlCommand(
                $"insert into {UploadedDocumentsTable.Qualified(session)} (owner, sha256, size_bytes, content_type, file_name, content, uploaded_at) " +
                "values (?, ?, ?, ?, ?, ?, ?) on conflict (owner, sha256) do nothing",
                owner, command.Sha256, (long)command.Content.Length, command.ContentType, command.FileName, command.Content, now)));
    }
}
