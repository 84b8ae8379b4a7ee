using System.Text.Json;
using MyGovernment.Domain.Integrity;

namespace MyGovernment.Integrity;

/// <summary>A checkpoint as exported: the signed note is what an auditor keeps; the other fields are read from it for convenience.</summary>
public sealed record CheckpointView(long Id, long TreeSize, string RootHash, DateTimeOffset Time, string Note, string Signature)
{
    public static CheckpointView From(StoredCheckpoint c)
    {
        var note = SignedCheckpoint.Parse(c.Note);
        return new CheckpointView(c.Id, c.TreeSize, Convert.ToBase64String(c.RootHash), c.IssuedAt, c.Note,
            note is null ? "" : Convert.ToBase64String(note.Signature()));
    }

    /// <summary>The signed notes of a file saved from GET /api/audit/checkpoints (kept by the auditor outside the system).</summary>
    public static async Task<IReadOnlyList<string>> ReadKeptNotesAsync(string path)
    {
        var exported = JsonSerializer.Deserialize<List<CheckpointView>>(await File.ReadAllTextAsync(path), ReceiptFile.Json) ?? [];
        return [.. exported.Select(c => c.Note)];
    }
}
