using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace MyGovernment.Integrity;

/// <summary>An auditor's recorded decision that the row (seq, id) is not the application's and is passed over.</summary>
public sealed record IntegrityResolution(long Id, long Seq, Guid EventId, string ResolvedBy, string Reason, DateTimeOffset ResolvedAt);

/// <summary>
/// How an auditor lets sealing resume after the sealer refused a row (docs/operations.md, "Sealing halted"): the
/// resolution names the row, who decided and why, and is tagged under the deployment's key, so a resolution
/// inserted by SQL does not count. A resolution only lets the sealer pass over that exact row: it never seals it,
/// and verify keeps naming the row as excluded until it is removed from mt_events.
/// </summary>
public sealed class IntegrityResolutions(IntegrityDatabase db, CheckpointKey key, TimeProvider clock)
{
    public async Task<IntegrityResolution> RecordAsync(long seq, Guid eventId, string resolvedBy, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(resolvedBy) || string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A resolution names who decided and why.");
        }
        await using var connection = await db.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand($"select count(*) from {db.Schema}.mt_events where seq_id = @seq and id = @id", connection))
        {
            exists.Parameters.AddWithValue("seq", seq);
            exists.Parameters.AddWithValue("id", eventId);
            if ((long)(await exists.ExecuteScalarAsync(ct))! == 0)
            {
                throw new ArgumentException($"No row in mt_events has seq {seq} and id {eventId}.");
            }
        }
        var at = clock.GetUtcNow();
        await using var insert = new NpgsqlCommand(
            $"insert into {db.Schema}.{IntegritySchema.Resolutions} (seq_id, event_id, resolved_by, reason, resolved_at, tag) values (@seq, @id, @by, @reason, @at, @tag) returning id, resolved_at",
            connection);
        insert.Parameters.AddWithValue("seq", seq);
        insert.Parameters.AddWithValue("id", eventId);
        insert.Parameters.AddWithValue("by", resolvedBy);
        insert.Parameters.AddWithValue("reason", reason);
        insert.Parameters.AddWithValue("at", at);
        // PostgreSQL keeps microseconds: tag the time as it will be read back.
        var stored = new DateTimeOffset(at.UtcTicks / 10 * 10, TimeSpan.Zero);
        insert.Parameters.AddWithValue("tag", Tag(seq, eventId, resolvedBy, reason, stored));
        await using var reader = await insert.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new IntegrityResolution(reader.GetInt64(0), seq, eventId, resolvedBy, reason, stored);
    }

    /// <summary>The resolutions whose tag verifies, by (seq, id); the others are ignored (not written by the application).</summary>
    public async Task<Dictionary<(long Seq, Guid Id), IntegrityResolution>> ValidAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select id, seq_id, event_id, resolved_by, reason, resolved_at, tag from {db.Schema}.{IntegritySchema.Resolutions}", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var valid = new Dictionary<(long, Guid), IntegrityResolution>();
        while (await reader.ReadAsync(ct))
        {
            var r = new IntegrityResolution(reader.GetInt64(0), reader.GetInt64(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5));
            if (CryptographicOperations.FixedTimeEquals(Tag(r.Seq, r.EventId, r.ResolvedBy, r.Reason, r.ResolvedAt), (byte[])reader[6]))
            {
                valid[(r.Seq, r.EventId)] = r;
            }
        }
        return valid;
    }

    private byte[] Tag(long seq, Guid eventId, string by, string reason, DateTimeOffset at)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.TagKey);
        hmac.AppendData("mygov-resolution-v1"u8);
        Span<byte> fixedPart = stackalloc byte[32];
        BinaryPrimitives.WriteInt64BigEndian(fixedPart, seq);
        eventId.TryWriteBytes(fixedPart[8..], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(fixedPart[24..], at.UtcTicks);
        hmac.AppendData(fixedPart);
        Span<byte> length = stackalloc byte[4];
        foreach (var text in new[] { by, reason })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            hmac.AppendData(length);
            hmac.AppendData(bytes);
        }
        return hmac.GetHashAndReset();
    }
}
