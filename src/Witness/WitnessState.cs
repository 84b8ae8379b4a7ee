using System.Text.Json;

namespace MyGovernment.Witness;

/// <summary>The latest checkpoint the witness cosigned for a log: its whole memory of that log.</summary>
public sealed record WitnessedHead(long Size, byte[] Root);

/// <summary>
/// The witness's state in one JSON file, outside any log's database. Check-and-update runs under one lock, so two
/// requests can never roll a log back (tlog-witness: the old-size check and the update are atomic); the file is
/// replaced whole (write then rename), so a crash leaves the old state or the new one.
/// </summary>
public sealed class WitnessState(string path) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<T> UpdateAsync<T>(string origin, Func<WitnessedHead?, (WitnessedHead? Next, T Result)> decide, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var heads = File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, WitnessedHead>>(await File.ReadAllTextAsync(path, ct)) ?? []
                : [];
            var (next, result) = decide(heads.GetValueOrDefault(origin));
            if (next is not null)
            {
                heads[origin] = next;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var temporary = path + ".tmp";
                await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(heads), ct);
                File.Move(temporary, path, overwrite: true);
            }
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }
}
