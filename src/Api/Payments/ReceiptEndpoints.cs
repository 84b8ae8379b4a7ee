using System.Globalization;
using System.Net;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Identity;
using MyGovernment.Application.AccessLog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.ServiceRequests;
using QRCoder;
using Wolverine.Http;

namespace MyGovernment.Api.Payments;

/// <summary>A receipt for a succeeded payment, with the public link anyone can use to check it is genuine.</summary>
public sealed record Receipt(
    Guid ReceiptNumber, Guid RequestId, string ServiceCode, string DepartmentCode, Money Amount, PaymentChannel Channel,
    DateTimeOffset PaidAt, string? ProviderReference, string VerifyUrl);

/// <summary>What the public verification link reveals: genuine or not, how much, when. Nothing personal.</summary>
/// <summary>
/// What a receipt's holder may show: genuine, the amount paid and when, and how much of it was refunded since, so a
/// refunded receipt cannot pass as proof of a payment that was given back.
/// </summary>
public sealed record ReceiptVerification(
    Guid ReceiptNumber, bool Genuine, Money? Amount, DateTimeOffset? PaidAt, string DepartmentCode, Money? Refunded, bool FullyRefunded);

public static class ReceiptEndpoints
{
    [Authorize(Roles = $"{Roles.Citizen},{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/payments/{id}/receipt", OperationId = "GetReceipt")]
    [ProducesResponseType<Receipt>(StatusCodes.Status200OK)]
    [EndpointSummary("Get a payment's receipt")]
    [EndpointDescription("The receipt of a succeeded payment (JSON) with its public verification link: for the payer, finance and auditors; anyone else, or a payment that did not succeed, is 404.")]
    [Tags("Payments")]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        await LoadAsync(id, user, session, clock, request, "payment-receipt", ct) is { } receipt ? Results.Ok(receipt) : NotFound();

    [Authorize(Roles = $"{Roles.Citizen},{Roles.Finance},{Roles.Auditor}")]
    [WolverineGet("/api/payments/{id}/receipt.html", OperationId = "GetPrintableReceipt")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/html")]
    [EndpointSummary("Print a payment's receipt")]
    [EndpointDescription("A printable HTML receipt with a QR code of its public verification link.")]
    [Tags("Payments")]
    public static async Task<IResult> Html(Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpRequest request, CancellationToken ct)
    {
        if (await LoadAsync(id, user, session, clock, request, "payment-receipt", ct) is not { } receipt)
        {
            return NotFound();
        }
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(receipt.VerifyUrl, QRCodeGenerator.ECCLevel.Q);
        var qr = new SvgQRCode(data).GetGraphic(4);
        var e = (Func<string, string>)WebUtility.HtmlEncode;
        var html = $$"""
            <!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>إيصال دفع / Payment receipt</title>
            <style>body{font-family:sans-serif;max-width:40em;margin:2em auto} td{padding:.3em 1em} .qr{width:12em}</style></head>
            <body><h1>إيصال دفع — Payment receipt</h1><table>
            <tr><td>رقم الإيصال / Receipt</td><td>{{e(receipt.ReceiptNumber.ToString())}}</td></tr>
            <tr><td>الخدمة / Service</td><td>{{e(receipt.ServiceCode)}} ({{e(receipt.DepartmentCode)}})</td></tr>
            <tr><td>المبلغ / Amount</td><td>{{e(receipt.Amount.ToString())}}</td></tr>
            <tr><td>طريقة الدفع / Channel</td><td>{{e(receipt.Channel.ToString())}}</td></tr>
            <tr><td>تاريخ الدفع / Paid</td><td>{{e(PalestineTime.ToLocal(receipt.PaidAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))}}</td></tr>
            </table><div class="qr">{{qr}}</div><p>{{e(receipt.VerifyUrl)}}</p></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    [AllowAnonymous]
    [WolverineGet("/api/receipts/{id}/verify", OperationId = "VerifyReceipt")]
    [ProducesResponseType<ReceiptVerification>(StatusCodes.Status200OK)]
    [EndpointSummary("Verify a receipt")]
    [EndpointDescription("Anyone holding a receipt can check it is genuine: the amount and time of a succeeded payment and how much of it was refunded since, nothing personal.")]
    [Tags("Payments")]
    public static async Task<IResult> Verify(Guid id, IQuerySession session, CancellationToken ct)
    {
        var payment = await session.LoadAsync<PaymentDetails>(id, ct);
        // Captured money never un-captures: settled and reconciled payments keep their receipts.
        return payment is { CapturedAt: not null }
            ? Results.Ok(new ReceiptVerification(payment.Id, true, payment.Captured, payment.CapturedAt, payment.DepartmentCode,
                payment.Captured is { } captured ? captured with { Amount = payment.Refunded } : null,
                payment.Captured is { } paid && payment.Refunded >= paid.Amount))
            : NotFound();
    }

    private static async Task<Receipt?> LoadAsync(
        Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpRequest request, string what, CancellationToken ct)
    {
        var payment = await session.LoadAsync<PaymentDetails>(id, ct);
        if (!PaymentEndpoints.MayRead(user, payment) || payment!.CapturedAt is null)
        {
            return null;
        }
        await AccessRecorder.RecordAsync(session, user.ToActor(), payment, what, clock, ct);
        var serviceRequest = await session.LoadAsync<ServiceRequestDetails>(payment.RequestId, ct);
        var verifyUrl = $"{request.Scheme}://{request.Host}/api/receipts/{payment.Id}/verify";
        return new Receipt(payment.Id, payment.RequestId, serviceRequest?.ServiceCode ?? "", payment.DepartmentCode,
            payment.Captured ?? payment.Amount, payment.Channel, payment.CapturedAt.Value, payment.ProviderSessionId, verifyUrl);
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "Not found", detail: "No receipt for this payment.",
        extensions: new Dictionary<string, object?> { ["code"] = "payment_not_found" });
}
