using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Identity;
using MyGovernment.Api.Integrity;
using MyGovernment.Integrity;
using MyGovernment.Projections.Payments;
using Wolverine.Http;

namespace MyGovernment.Api.Payments;

/// <summary>
/// The citizen's receipt carries an inclusion proof (DESIGN §7): the payment's success event, proven to be in the
/// signed event log, in the same format as the auditors' receipts, checked offline with only the public key.
/// </summary>
public static class ReceiptProofEndpoint
{
    [Authorize(Roles = $"{Roles.Citizen},{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/payments/{id}/receipt/proof", OperationId = "GetReceiptProof")]
    [ProducesResponseType<InclusionReceipt>(StatusCodes.Status200OK)]
    [EndpointSummary("Get the inclusion proof of a payment's receipt")]
    [EndpointDescription("Proves that the payment's success event is in the signed event log (RFC 9162 inclusion proof with a signed checkpoint): for the payer, finance and auditors. 404 until a checkpoint covers the event (checkpoints are signed every minute).")]
    [Tags("Payments")]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, EventLog events, LogProofs proofs, CancellationToken ct)
    {
        var payment = await session.LoadAsync<PaymentDetails>(id, ct);
        if (!PaymentEndpoints.MayRead(user, payment) || await events.FirstSeqAsync(id, "payment_succeeded", ct) is not { } seq)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: "No receipt for this payment.",
                extensions: new Dictionary<string, object?> { ["code"] = "payment_not_found" });
        }
        return ProofEndpoints.Respond(await proofs.ReceiptAsync(seq, null, ct));
    }
}
