using System.Text;
using Npgsql;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>
/// Waits until Wolverine's durable inbox holds no message naming any of the given ids (the work a command cascaded
/// through the outbox: webhook deliveries, confirmations, automatic assignment). Wolverine's TrackActivity is not
/// used: it follows one tracked session per host and fails on any handler exception of any test running beside it.
/// Messages scheduled for later (timers) are not waited for.
/// </summary>
public static class DurableInbox
{
    public static async Task DrainedAsync(AppFixture app, params Guid[] ids)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        while (true)
        {
            await using var query = new NpgsqlCommand(
                "select count(*) from mygov.wolverine_incoming_envelopes where status = 'Incoming' and ("
                + string.Join(" or ", ids.Select((_, i) => $"position(@id{i} in body) > 0")) + ")", connection);
            for (var i = 0; i < ids.Length; i++)
            {
                query.Parameters.AddWithValue($"id{i}", Encoding.UTF8.GetBytes(ids[i].ToString()));
            }
            if ((long)(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Messages about " + string.Join(", ", ids) + " were still waiting after 30 s.");
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
