using System.Text.Json;
using FluentValidation;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using MyGovernment.Api.Idempotency;
using MyGovernment.Api.Localization;
using MyGovernment.Application.Idempotency;
using MyGovernment.Application.Messaging;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;

namespace MyGovernment.Api.Errors;

/// <summary>
/// Turns every failure into a problem+json response with the status DESIGN §10 names for it, so bad input is
/// never a 500 and clients can rely on one error shape.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(Unwrap(exception), httpContext);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Request failed with {Status}", problem.Status);
        }
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;

    public static ProblemDetails ToProblem(Exception exception, HttpContext context) => exception switch
    {
        ValidationException validation => Validation(validation.Errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray())),
        FieldValidationException fields => Validation((RequestLanguage.IsArabic(context) ? fields.ArabicErrors : fields.Errors).ToDictionary(e => e.Key, e => e.Value)),
        StaleVersionException { Expected.IsPrecondition: true } stale =>
            Problem(412, "stale_version", stale.Message + " Reload the request and try again."),
        StaleVersionException stale =>
            Problem(409, "concurrency_conflict", stale.Message + " Reload the request and try again."),
        NotFoundException notFound => Problem(404, notFound.Code, notFound.Message),
        DomainException rule => Problem(422, rule.Code, rule.Message),
        JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.DocumentAlreadyExistsException => Problem(409, "duplicate", "The object already exists."),
        // A repeat whose first record expired between the failed commit and the replay's lookup.
        _ when IdempotencyPolicy.IsRecordedAlready(exception) => Problem(409, "duplicate", "The object already exists."),
        JasperFx.ConcurrencyException or EventStreamUnexpectedMaxEventIdException or DcbConcurrencyException
            or JasperFx.Events.StreamLockedException or Marten.Exceptions.StreamLockedException =>
            Problem(409, "concurrency_conflict", "Someone else changed this object at the same time. Reload it and try again."),
        IdempotencyConflictException idempotency => Problem(idempotency.Status, idempotency.Code, idempotency.Message),
        // Minimal API endpoints throw this for a body they cannot read (RouteHandlerOptions.ThrowOnBadRequest).
        BadHttpRequestException { InnerException: JsonException json } => InvalidJsonProblem.From(json),
        BadHttpRequestException bad => Problem(bad.StatusCode, ErrorCatalogue.ForStatus(bad.StatusCode), bad.Message),
        JsonException json => InvalidJsonProblem.From(json),
        // A lost append race that reached us unwrapped: Marten's own version check (MT003) or the stream/version key.
        _ when DatabaseFailures.IsWrappedVersionConflict(exception) =>
            Problem(409, "concurrency_conflict", "Someone else changed this object at the same time. Reload it and try again."),
        // The database is down or restarting, however deeply Marten or Wolverine wrapped the driver's error.
        _ when DatabaseFailures.IsTransient(exception) => Unavailable(context),
        _ => Problem(500, "internal_error", "The request could not be completed."),
    };

    /// <summary>An <see cref="OperationCanceledException"/> anywhere in the chain (Wolverine and Marten wrap it).</summary>
    public static bool IsCancellation(Exception exception) =>
        Chain(exception).Any(e => e is OperationCanceledException)
        || (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCancellation));

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }

    private static ValidationProblemDetails Validation(IDictionary<string, string[]> errors) =>
        new ValidationProblemDetails(errors)
        {
            Status = 400,
            Title = ErrorCatalogue.Find("validation_failed")!.Title.En,
            Extensions = { ["code"] = "validation_failed" },
        };

    // The English title here serves callers outside HTTP (the reconcile command); HTTP answers are completed by ProblemLocalization.
    private static ProblemDetails Problem(int status, string code, string detail) =>
        new() { Status = status, Title = ErrorCatalogue.Find(code, null, status)?.Title.En, Detail = detail, Extensions = { ["code"] = code } };

    private static ProblemDetails Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "5";
        return Problem(503, "database_unavailable", "The database is unavailable. Try again shortly.");
    }
}
