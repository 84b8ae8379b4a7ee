using JasperFx.Events;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Common;
using MyGovernment.Projections.AccessLog;
using Shouldly;

namespace MyGovernment.Projections.Tests.AccessLog;

public sealed class AccessLogProjectionTests
{
    [Fact]
    public void A_view_event_becomes_one_row_with_viewer_role_department_time_from_the_event_and_its_sequence()
    {
        var eventId = Guid.Parse("0190a000-0000-7000-8000-0000000000dd");
        var requestId = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");
        var at = new DateTimeOffset(2026, 2, 3, 9, 15, 0, TimeSpan.Zero);
        var viewed = new CitizenDataViewed("123456782", requestId, "request-details", new Actor("officer-7", "officer", "MOLG"), at);
        var e = new Event<CitizenDataViewed>(viewed) { Id = eventId, Sequence = 4242, Timestamp = at.AddMinutes(3) };

        var row = AccessLogProjection.Create(e);

        row.Id.ShouldBe(eventId);
        (row.CitizenId, row.RequestId, row.What).ShouldBe(("123456782", requestId, "request-details"));
        (row.ViewerId, row.ViewerRole, row.ViewerDepartment).ShouldBe(("officer-7", "officer", "MOLG"));
        row.At.ShouldBe(at, "the business time of the read, not when the event was stored or projected");
        row.Sequence.ShouldBe(4242);
    }
}
