using FluentValidation;
using Marten;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.ServiceRequests;
using Wolverine;
using Wolverine.Marten;

namespace MyGovernment.Application.Payments;

/// <summary>The applicant starts paying a request's outstanding fee. Nothing is asked of the provider yet (see <see cref="StartPaymentSession"/>).</summary>
public sealed record CreatePayment(Guid PaymentId, Guid RequestId, PaymentChannel Channel, Actor By) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<CreatePayment>
    {
        public Validator()
        {
            RuleFor(c => c.PaymentId).NotEmpty();
            RuleFor(c => c.RequestId).NotEmpty();
            RuleFor(c => c.Channel).IsInEnum();
            RuleFor(c => c.By).NotNull();
        }
    }
}

public sealed record PaymentCreatedResponse(Guid PaymentId, Guid RequestId, Money Amount);

public static class CreatePaymentHandler
{
    public static async Task<(ServiceRequest?, Service?)> LoadAsync(CreatePayment command, IDocumentSession session, CancellationToken ct)
    {
        var request = await session.Events.FetchLatest<ServiceRequest>(command.RequestId, ct);
        var service = request is null ? null : await session.Events.FetchLatest<Service>(CatalogIds.Service(request.ServiceCode), ct);
        return (request, service);
    }

    public static (PaymentCreatedResponse, IStartStream, OutgoingMessages) Handle(
        CreatePayment command, ServiceRequest? request, Service? service, TimeProvider clock, IOptions<PaymentsOptions> options)
    {
        if (request is null)
        {
            throw new NotFoundException("request_not_found", "No such service request.");
        }
        // Revenue belongs to the department that owns the service (its ledger account, later).
        var department = service?.DepartmentCode ?? request.WorkflowDepartments[0];
        var events = PaymentDecisions.Create(command.PaymentId, request, department, command.Channel, command.By, clock.GetUtcNow());
        var created = (PaymentCreated)events[0];
        var payment = Payment.Evolve(null, created)!;
        return (new PaymentCreatedResponse(command.PaymentId, request.Id, created.Amount),
            MartenOps.StartStream<Payment>(command.PaymentId, [.. events]),
            PaymentStream.FollowUps(payment, events, options.Value));
    }
}
