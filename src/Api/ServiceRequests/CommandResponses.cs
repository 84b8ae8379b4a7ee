using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Localization;
using MyGovernment.Application.ServiceRequests;
using Wolverine;

namespace MyGovernment.Api.ServiceRequests;

/// <summary>What every command body on an existing request may carry: the version the client last saw.</summary>
public interface IVersionedBody
{
    long? ExpectedVersion { get; }
}

/// <summary>The plumbing every request command endpoint shares: expected version in, new version out as the ETag.</summary>
public static class CommandResponses
{
    /// <summary>If-Match (a precondition) wins over the body's expectedVersion; one of them is required.</summary>
    public static ExpectedVersion Expected(HttpRequest request, IVersionedBody? body)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length > 0)
        {
            var raw = ifMatch.StartsWith("W/", StringComparison.Ordinal) ? ifMatch[2..] : ifMatch;
            if (long.TryParse(raw.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return new ExpectedVersion(version, IsPrecondition: true);
            }
            throw new FluentValidation.ValidationException([new("If-Match", RequestLanguage.IsArabic(request.HttpContext)
                ? "يجب أن تكون قيمة If-Match وسم ETag للطلب، مثل \"3\"."
                : "If-Match must be the ETag of the request, e.g. \"3\".")]);
        }
        if (body?.ExpectedVersion is { } expected)
        {
            return new ExpectedVersion(expected, IsPrecondition: false);
        }
        throw new FluentValidation.ValidationException([new("expectedVersion", RequestLanguage.IsArabic(request.HttpContext)
            ? "أرسل آخر إصدار اطلعت عليه: وسم ETag للطلب في If-Match، أو expectedVersion في محتوى الطلب."
            : "Send the version you last saw: the request's ETag as If-Match, or expectedVersion in the body.")]);
    }

    /// <summary>Sends the command (honouring an Idempotency-Key) and answers 200 with the new version as the ETag.</summary>
    public static Task<Ok<ServiceRequestChanged>> SendAsync(IMessageBus bus, object command, HttpResponse response, CancellationToken ct) =>
        IdempotentCommand.InvokeAsync<ServiceRequestChanged, Ok<ServiceRequestChanged>>(
            response.HttpContext, bus, command, changed => Changed(response, changed.Version, changed), ct);

    public static Ok<T> Changed<T>(HttpResponse response, long version, T body)
    {
        response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Ok(body);
    }
}
