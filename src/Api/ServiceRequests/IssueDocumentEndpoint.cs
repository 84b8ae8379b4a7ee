using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.ServiceRequests;

public sealed record IssueDocumentBody(long? ExpectedVersion) : IVersionedBody;

public static class IssueDocumentEndpoint
{
    // Crockford-style alphabet: no I, L, O, U, so a code read aloud or typed from paper is unambiguous.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Authorize(Roles = "officer,supervisor")]
    [WolverinePost("/api/service-requests/{id}/issue", OperationId = "IssueDocument")]
    [Tags("Service requests")]
    [EndpointSummary("Issue the document")]
    [EndpointDescription("Issues the document of an approved, fully paid request, with a verification code anyone can check.")]
    public static Task<Ok<ServiceRequestChanged>> Post(
        Guid id, IssueDocumentBody body, ClaimsPrincipal user, HttpRequest request, HttpResponse response, IMessageBus bus, CancellationToken ct) =>
        CommandResponses.SendAsync(bus, new IssueDocument(id, CommandResponses.Expected(request, body), user.ToActor(), NewVerificationCode()), response, ct);

    /// <summary>16 characters from a cryptographic RNG: 80 bits, not guessable.</summary>
    public static string NewVerificationCode() => string.Create(16, 0, (chars, _) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
