using System.Globalization;

namespace MyGovernment.Witness;

/// <summary>The answer to one add-checkpoint request: status, content type and body.</summary>
public sealed record WitnessAnswer(int Status, string ContentType, string Body)
{
    public static WitnessAnswer Refused(int status, string why) => new(status, "text/plain", why + "\n");
}

/// <summary>
/// POST add-checkpoint (c2sp.org/tlog-witness): "old N", consistency proof lines, an empty line, then the signed
/// checkpoint. 404 unknown origin, 403 no trusted signature, 400 malformed or old size above the checkpoint's, 409
/// (body: the size it holds, text/x.tlog.size) when old size is not the latest it cosigned or an equal size has
/// another root, 422 when the proof does not verify; else it records the checkpoint and answers its cosignature.
/// </summary>
public sealed class AddCheckpoint(IReadOnlyDictionary<string, LogKey> logs, CosigningKey key, WitnessState state, TimeProvider clock)
{
    public async Task<WitnessAnswer> HandleAsync(string request, CancellationToken ct)
    {
        var split = request.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !request.StartsWith("old ", StringComparison.Ordinal))
        {
            return WitnessAnswer.Refused(400, "expected: old size line, proof lines, empty line, checkpoint");
        }
        var header = request[..split].Split('\n');
        var note = request[(split + 2)..];
        if (!TryParseSize(header[0][4..], out var oldSize) || header.Length - 1 > 63 || !TryBase64(header.Skip(1), out var proof))
        {
            return WitnessAnswer.Refused(400, "bad old size or proof line");
        }
        var bodyEnd = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        var body = bodyEnd < 0 ? "" : note[..(bodyEnd + 1)];
        var lines = body.Split('\n');
        if (lines.Length < 4 || !TryParseSize(lines[1], out var size) || !TryBase64([lines[2]], out var roots) || roots[0].Length != 32)
        {
            return WitnessAnswer.Refused(400, "not a checkpoint");
        }
        if (!logs.TryGetValue(lines[0], out var logKey))
        {
            return WitnessAnswer.Refused(404, $"unknown log {lines[0]}");
        }
        if (!logKey.HasSignatureOver(body, note[(bodyEnd + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries)))
        {
            return WitnessAnswer.Refused(403, "no signature by the log's key");
        }
        if (oldSize > size)
        {
            return WitnessAnswer.Refused(400, "old size above the checkpoint's size");
        }
        var root = roots[0];
        return await state.UpdateAsync(lines[0], known =>
        {
            var latest = known?.Size ?? 0;
            if (oldSize != latest)
            {
                return (null, new WitnessAnswer(409, "text/x.tlog.size", latest.ToString(CultureInfo.InvariantCulture) + "\n"));
            }
            if (oldSize == size && known is not null && !known.Root.AsSpan().SequenceEqual(root))
            {
                return (null, WitnessAnswer.Refused(409, "same size, another root: the log forked"));
            }
            var consistent = oldSize == 0 || oldSize == size
                ? proof.Count == 0
                : ConsistencyProof.Verify(oldSize, size, known!.Root, root, proof);
            if (!consistent)
            {
                return (null, WitnessAnswer.Refused(oldSize == 0 ? 400 : 422, "the consistency proof does not verify"));
            }
            return (new WitnessedHead(size, root), new WitnessAnswer(200, "text/plain", key.Cosign(body, clock.GetUtcNow())));
        }, ct);
    }

    private static bool TryParseSize(string text, out long size) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size.ToString(CultureInfo.InvariantCulture) == text;

    private static bool TryBase64(IEnumerable<string> lines, out List<byte[]> hashes)
    {
        hashes = [];
        try
        {
            hashes.AddRange(lines.Select(Convert.FromBase64String));
            return hashes.All(h => h.Length == 32);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
