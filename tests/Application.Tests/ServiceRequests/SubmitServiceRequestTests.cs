using Microsoft.Extensions.Options;
using MyGovernment.Application.Staff;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;
using Wolverine.Marten;

namespace MyGovernment.Application.Tests.ServiceRequests;

public sealed class SubmitServiceRequestTests
{
    private static SubmitServiceRequest Valid() => new(
        Guid.CreateVersion7(), "BIRTH-CERT", "123456782", new Actor("citizen-1", "citizen", null, "123456782"), SubmissionChannel.Online,
        new Dictionary<string, string?> { ["personNationalId"] = "123456782" });

    private static readonly SubmitServiceRequest.Validator Validator = new();

    [Fact]
    public void A_well_formed_command_passes_validation() => Validator.Validate(Valid()).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("", "ServiceCode")]
    [InlineData("BIRTH CERT; drop table", "ServiceCode")]
    [InlineData("A-SERVICE-CODE-THAT-IS-FAR-TOO-LONG-FOR-ANY-CATALOG", "ServiceCode")]
    public void A_bad_service_code_is_named_in_the_errors(string code, string property)
    {
        var result = Validator.Validate(Valid() with { ServiceCode = code });
        result.Errors.Select(e => e.PropertyName).ShouldContain(property);
    }

    [Fact]
    public void An_empty_request_id_or_identity_is_refused()
    {
        var result = Validator.Validate(Valid() with { RequestId = Guid.Empty, ApplicantId = "", SubmittedBy = null! });
        result.Errors.Select(e => e.PropertyName).ShouldBe(["RequestId", "ApplicantId", "SubmittedBy"], ignoreOrder: true);
    }

    [Fact]
    public void Too_many_form_fields_are_refused_before_the_domain_sees_them()
    {
        var form = Enumerable.Range(0, SubmitServiceRequest.MaxFormFields + 1).ToDictionary(i => $"f{i}", _ => (string?)"x");
        Validator.Validate(Valid() with { Form = form }).Errors.Select(e => e.PropertyName).ShouldContain("Form");
    }

    [Fact]
    public async Task The_handler_starts_the_request_stream_with_the_decided_events()
    {
        var service = Service.Evolve(null, CatalogIds.Service("BIRTH-CERT"), new ServiceDefined(
            "BIRTH-CERT", "MOI", new("أ", "A"), new("ب", "B"),
            [new FormField("personNationalId", FieldType.NationalId, true, new("هوية", "ID"))], [], true,
            [new WorkflowStep("MOI", new("ج", "C"))], false, 1));
        service = Service.Evolve(service, service!.Id, new FeeScheduleAdopted("BIRTH-CERT",
            new FeeSchedule(1, new DateOnly(2026, 1, 1), [new FeeLine("base", new("د", "D"), Money.Ils(15m))])));
        service = Service.Evolve(service, service!.Id, new ServicePublished("BIRTH-CERT"));
        var command = Valid();

        var now = new DateTimeOffset(2026, 5, 3, 8, 0, 0, TimeSpan.Zero);
        // A paid service waits for its fee, enters no queue, and so reads nothing for an automatic assignment.
        var (response, start, timers) = await SubmitServiceRequestHandler.Handle(
            command, service, WorkingCalendar.Standard, null, PrefetchedAssignment.None, null!, null!, null!, new FixedClock(now), Options.Create(new LifecycleOptions { PaymentDays = 14 }),
            TestContext.Current.CancellationToken);

        response.ShouldBe(new ServiceRequestSubmittedResponse(command.RequestId, ServiceRequestStatus.AwaitingPayment));
        var stream = start.ShouldBeOfType<StartStream<ServiceRequest>>();
        stream.StreamId.ShouldBe(command.RequestId);
        stream.Events.Select(e => e.GetType()).ShouldBe([typeof(ServiceRequestSubmitted), typeof(FeeAssessed)]);
        // The payment timeout is the fee's assessment kept in the deadline row, swept: no scheduled message.
        timers.ShouldBeEmpty();
    }

    [Fact]
    public void Logging_a_command_never_prints_the_applicant_or_the_form() =>
        Valid().ToString().ShouldNotContain("123456782");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
