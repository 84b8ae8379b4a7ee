using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Catalog;

/// <summary>
/// Submissions read the catalog service from memory (CatalogSnapshots), keyed by its stream version: a fee change
/// must be assessed on the very next submission, however it reached the event store.
/// </summary>
public sealed class CatalogSnapshotTests(AppFixture app)
{
    private readonly string _admin = app.AdminToken();

    [Fact]
    public async Task A_fee_schedule_adopted_today_is_assessed_on_the_next_submission()
    {
        var code = await app.PublishedPaidService(_admin, fee: 40m);
        // Warms the snapshot at version 1 of the fees.
        var before = await new Journey(app, code).SubmitAsync(new { fullName = "Layla" });
        (await before.ReadAsync()).Fee!.Total.Amount.ShouldBe(40m);

        await app.Post(_admin, $"/api/admin/services/{code}/fee-schedules", CatalogAdmin.Fees(CatalogAdmin.Today, 55m), 201);

        var after = await (await new Journey(app, code).SubmitAsync(new { fullName = "Omar" })).ReadAsync();
        after.Fee!.ScheduleVersion.ShouldBe(2);
        after.Fee.Total.Amount.ShouldBe(55m);
    }

    [Fact]
    public async Task A_fee_change_written_by_another_node_is_assessed_on_the_next_submission()
    {
        var code = await app.PublishedPaidService(_admin, fee: 40m);
        (await (await new Journey(app, code).SubmitAsync(new { fullName = "Layla" })).ReadAsync()).Fee!.Total.Amount.ShouldBe(40m);

        // Another API node appends to the same event store: nothing in this process hears of it.
        await using (var otherNode = app.Store.LightweightSession())
        {
            otherNode.Events.Append(CatalogIds.Service(code), new FeeScheduleAdopted(code, new FeeSchedule(
                2, CatalogAdmin.Today, [new FeeLine("LINE0", new LocalizedText("رسم", "Fee"), new Money(61m, "ILS"))])));
            await otherNode.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var after = await (await new Journey(app, code).SubmitAsync(new { fullName = "Omar" })).ReadAsync();
        after.Fee!.ScheduleVersion.ShouldBe(2);
        after.Fee.Total.Amount.ShouldBe(61m);
    }
}
