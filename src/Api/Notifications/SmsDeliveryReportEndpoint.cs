using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.OpenApi;
using MyGovernment.Application.Notifications;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.Notifications;

public sealed record SmsDeliveryReportRecorded(Guid MessageId, string Status);

public static class SmsDeliveryReportEndpoint
{
    public const string Path = "/api/notifications/sms-delivery-reports";
    private const int MaxBodyBytes = 8 * 1024;

    /// <summary>Anonymous: authenticated by the gateway's signature over the raw body, checked before anything is parsed.</summary>
    [AllowAnonymous]
    [WolverinePost(Path, OperationId = "ReceiveSmsDeliveryReport")]
    [ProducesResponseType<SmsDeliveryReportRecorded>(StatusCodes.Status200OK)]
    [RawBody(typeof(SmsDeliveryReport), "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [EndpointSummary("Receive an SMS delivery report")]
    [EndpointDescription("The SMS gateway's signed report (hex HMAC-SHA256 of the raw body in X-Sms-Signature) that a message was delivered or failed.")]
    [Tags("Notifications")]
    public static async Task<IResult> Post(HttpRequest request, SmsReportVerifier verifier, IMessageBus bus, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes)
        {
            return Problem(413, "sms_report_too_large", "The delivery report is too large.");
        }
        var (verdict, report) = verifier.Read(request.Headers[SmsReportVerifier.SignatureHeader].ToString(), buffer.ToArray());
        switch (verdict)
        {
            case SmsReportVerdict.BadSignature:
                return Problem(401, "sms_report_signature_invalid", "The report's signature is missing or does not match its body.");
            case SmsReportVerdict.Malformed:
                return Problem(400, "sms_report_invalid", "The report is not the gateway's JSON.");
        }
        var known = await bus.InvokeAsync<bool>(new RecordSmsDeliveryReport(report!.MessageId, report.Status == "delivered", report.At), ct);
        return known
            ? Results.Ok(new SmsDeliveryReportRecorded(report.MessageId, report.Status))
            : Problem(404, "sms_message_not_found", "No SMS of ours has this message id.");
    }

    private static IResult Problem(int status, string code, string detail) =>
        Results.Problem(statusCode: status, title: "Delivery report refused", detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
}
