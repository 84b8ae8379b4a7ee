using Npgsql;

namespace MyGovernment.Integrity;

/// <summary>Reads the stored application tags (<see cref="EventTag"/>) of some events, by event id.</summary>
public static class EventTags
{
    public static async Task<Dictionary<Guid, byte[]>> ReadAsync(NpgsqlConnection connection, string schema, Guid[] ids, CancellationToken ct)
    {
        var tags = new Dictionary<Guid, byte[]>(ids.Length);
        if (ids.Length == 0)
        {
            return tags;
        }
        await using var command = new NpgsqlCommand($"select event_id, tag from {schema}.{IntegritySchema.EventTags} where event_id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tags[reader.GetGuid(0)] = (byte[])reader[1];
        }
        return tags;
    }
}
