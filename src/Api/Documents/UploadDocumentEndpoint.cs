using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MyGovernment.Api.Hosting;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Identity;
using MyGovernment.Api.OpenApi;
using MyGovernment.Application.Documents;
using MyGovernment.Domain.Common;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Documents;

/// <summary>What an upload answers, the same for the first upload (201) and a repeat of the same bytes (200).</summary>
public sealed record UploadedDocumentBody(string Sha256, long Size, string ContentType, string FileName)
{
    public static UploadedDocumentBody Of(DocumentUploaded uploaded) => new(uploaded.Sha256, uploaded.Size, uploaded.ContentType, uploaded.FileName);
}

/// <summary>This endpoint alone may receive bodies up to <c>Documents:MaxBytes</c> instead of <c>Limits:MaxBodyBytes</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DocumentUploadBodyLimitAttribute : Attribute, IRequestBodyLimitOverride
{
    public long MaxBodyBytes(IServiceProvider services) => services.GetRequiredService<IOptions<DocumentsOptions>>().Value.MaxBytes;
}

public static class UploadDocumentEndpoint
{
    // Only citizens answer information requests (there is no assisted answer), so only their uploads can ever be referenced.
    // No [Consumes]: routing would then answer other media types with a bare 415 before we can name the problem's code.
    [Authorize(Roles = Roles.Citizen)]
    [WolverinePost("/api/documents", OperationId = "UploadDocument")]
    [Tags("Documents")]
    [DocumentUploadBodyLimit]
    [RawBody(null, "application/pdf", "image/jpeg", "image/png")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [EndpointSummary("Upload a document")]
    [EndpointDescription(
        "The raw file is the body (application/pdf, image/jpeg or image/png, at most Documents:MaxBytes; the content must " +
        "start with that type's signature), its name the `fileName` query parameter. The server computes the SHA-256 that " +
        "an answer to an information request then references (with the same size and content type). 201 with Location " +
        "and {sha256, size, contentType, fileName}; the same bytes again answer 200 with the same body. Uploads that no " +
        "request references are deleted after Documents:UnreferencedRetentionDays.")]
    public static async Task<Results<Created<UploadedDocumentBody>, Ok<UploadedDocumentBody>, ProblemHttpResult>> Post(
        string? fileName, HttpContext http, IMessageBus bus, IOptions<DocumentsOptions> options, CancellationToken ct)
    {
        var request = http.Request;
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (mediaType is null || !FileSignatures.IsAllowed(mediaType))
        {
            return Problem(415, "Unsupported media type", "Send the file as the raw body with Content-Type application/pdf, image/jpeg or image/png.", "document_type_not_allowed");
        }
        var content = await ReadBodyAsync(request, options.Value.MaxBytes, ct);
        if (content.Length == 0)
        {
            throw new FieldValidationException(new Dictionary<string, string[]> { ["body"] = ["Send the file's bytes as the request body."] });
        }
        if (!FileSignatures.Matches(mediaType, content))
        {
            return Problem(400, "Bad request", $"The content is not a {mediaType} file: it does not start with that type's signature.", "document_content_mismatch");
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var command = new UploadDocument(http.User.ToActor(), fileName ?? "", mediaType, sha256, content);
        return await IdempotentCommand.InvokeAsync<DocumentUploaded, Results<Created<UploadedDocumentBody>, Ok<UploadedDocumentBody>, ProblemHttpResult>>(
            http, bus, command, uploaded => uploaded.Created
                ? TypedResults.Created($"/api/documents/{uploaded.Sha256}", UploadedDocumentBody.Of(uploaded))
                : TypedResults.Ok(UploadedDocumentBody.Of(uploaded)), ct);
    }

    /// <summary>The body, counted while read: a body without a Content-Length is refused (413) as soon as it passes the limit.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length and <= int.MaxValue ? (int)Math.Min(length, max) : 64 * 1024);
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    throw new BadHttpRequestException($"A document may be at most {max} bytes.", StatusCodes.Status413PayloadTooLarge);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        // Sized from Content-Length, the buffer is usually exactly full: hand it over instead of copying 10 MB.
        return buffer.TryGetBuffer(out var written) && written.Offset == 0 && written.Count == written.Array!.Length ? written.Array : buffer.ToArray();
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, string code) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
