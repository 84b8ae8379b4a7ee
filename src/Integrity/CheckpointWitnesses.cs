using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using MyGovernment.Domain.Integrity;

namespace MyGovernment.Integrity;

/// <summary>
/// Asks each configured witness to cosign a new checkpoint (POST add-checkpoint, c2sp.org/tlog-witness) and
/// returns the cosignature lines to append to the note. A witness is the memory of the log outside its database:
/// when it answers that the new checkpoint is not consistent with the last one it cosigned (422), or that it has
/// cosigned a larger tree than this one (409 with a larger size), history was rewritten or cut, and the sealer
/// refuses to sign (<see cref="IntegrityRefusedException"/>). A witness that cannot be reached is an alarm only.
/// </summary>
public sealed class CheckpointWitnesses(IOptions<IntegrityOptions> options, IntegrityAlarm alarm)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <param name="proof">The consistency proof from an old size to the checkpoint's, from the tree being signed.</param>
    public async Task<string> CosignAsync(SignedCheckpoint checkpoint, long lastStoredSize, Func<long, Task<IReadOnlyList<byte[]>>> proof, CancellationToken ct)
    {
        var cosignatures = new StringBuilder();
        var unreachable = new List<string>();
        foreach (var witness in options.Value.Witnesses)
        {
            var key = WitnessKey.Parse(witness.VerifierKey);
            // The log's own belief first; a witness that holds another size says which (409), and is asked again once.
            var old = Math.Min(lastStoredSize, checkpoint.TreeSize);
            for (var attempt = 0; ; attempt++)
            {
                var path = old == 0 || old == checkpoint.TreeSize ? [] : await proof(old);
                var body = new StringBuilder($"old {old.ToString(CultureInfo.InvariantCulture)}\n");
                foreach (var hash in path)
                {
                    body.Append(Convert.ToBase64String(hash)).Append('\n');
                }
                body.Append('\n').Append(checkpoint.Note);
                HttpResponseMessage response;
                try
                {
                    response = await Http.PostAsync(witness.Url.TrimEnd('/') + "/add-checkpoint", new StringContent(body.ToString(), Encoding.UTF8, "text/plain"), ct);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    unreachable.Add($"{key.Name}: {e.Message}");
                    break;
                }
                using (response)
                {
                    var text = await response.Content.ReadAsStringAsync(ct);
                    var status = (int)response.StatusCode;
                    if (status == 200 && key.Check(checkpoint.Note + text) is (WitnessKey.Valid, _))
                    {
                        cosignatures.Append(text.Split('\n').First(l => l.Split(' ') is [_, var name, _] && name == key.Name)).Append('\n');
                        break;
                    }
                    if (status == 409 && response.Content.Headers.ContentType?.MediaType == "text/x.tlog.size"
                        && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var held))
                    {
                        if (held > checkpoint.TreeSize)
                        {
                            Refuse(key.Name, $"it has cosigned a log of {held} events, this one has {checkpoint.TreeSize}: sealed events were removed");
                        }
                        if (attempt == 0)
                        {
                            old = held;
                            continue;
                        }
                    }
                    if (status is 409 or 422)
                    {
                        Refuse(key.Name, $"it answered {status} ({text.Trim()}) to the checkpoint of size {checkpoint.TreeSize} from size {old}: " +
                                         "the sealed history is not the one it cosigned before");
                    }
                    unreachable.Add($"{key.Name}: answered {status} {text.Trim()}");
                    break;
                }
            }
        }
        alarm.Clear(IntegrityAlarm.WitnessRefusal);
        if (unreachable.Count > 0)
        {
            alarm.Raise(IntegrityAlarm.WitnessUnavailable, "checkpoint signed without the cosignature of " + string.Join("; ", unreachable));
        }
        else
        {
            alarm.Clear(IntegrityAlarm.WitnessUnavailable);
        }
        return cosignatures.ToString();
    }

    private void Refuse(string witness, string why)
    {
        var message = $"witness {witness} refused the new checkpoint: {why}. This node does not sign it (docs/operations.md, \"Witness refusal\").";
        alarm.Raise(IntegrityAlarm.WitnessRefusal, message);
        throw new IntegrityRefusedException(message);
    }
}
