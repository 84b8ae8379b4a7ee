using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;

namespace MyGovernment.Application.ServiceRequests;

/// <summary>Money confirmed for the request. Until the payments module lands, finance records it through this seam; the payments module becomes its caller.</summary>
public sealed record ConfirmPayment(Guid RequestId, ExpectedVersion? Expected, Actor By, [property: NotPersonal] string PaymentReference, Money Amount) : LogSafeMessage, IServiceRequestCommand
{
    public sealed class Validator : AbstractValidator<ConfirmPayment>
    {
        public Validator()
        {
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.By).NotNull();
            RuleFor(c => c.PaymentReference).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Amount).NotNull();
            RuleFor(c => c.Amount.Amount).GreaterThan(0).When(c => c.Amount is not null).OverridePropertyName("Amount");
        }
    }
}

public static class ConfirmPaymentHandler
{
    public static Task<IEventStream<ServiceRequest>> LoadAsync(ConfirmPayment command, IDocumentSession session, CancellationToken ct) =>
        ServiceRequestStream.LoadAsync(command, session, ct);

    public static async Task<(ServiceRequestChanged, OutgoingMessages)> Handle(
        ConfirmPayment command, IEventStream<ServiceRequest> stream, TimeProvider clock, IWorkingCalendarSource calendars,
        IOptions<LifecycleOptions> options, CancellationToken ct)
    {
        var request = stream.Aggregate!;
        var now = clock.GetUtcNow();
        return stream.Append(PaymentDecision.ConfirmPayment(request, command.PaymentReference, command.Amount, command.By, now, await calendars.GetAsync(ct)), options.Value);
    }
}
