using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyGovernment.Api.Integrity;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using MyGovernment.Witness;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Issue 17: in Development a witness runs beside the API with its own key and state file and the engine asks it;
/// its cosignature and the log's signature on a checkpoint taken from the API verify with openssl, not our code.
/// </summary>
public sealed class DevelopmentWitnessTests(WitnessBesideTheApiHost host) : IClassFixture<WitnessBesideTheApiHost>, IDisposable
{
    private const string Name = "witness.localhost/dev";

    private readonly string _work = Directory.CreateTempSubdirectory("mygov-openssl-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task The_api_starts_its_own_witness_with_its_own_files_and_asks_it_for_every_checkpoint()
    {
        await host.AppendAsync(1);
        var checkpoint = await host.CheckpointAsync();

        // Its key is the file in its own folder, not anything in the engine's database or configuration.
        var key = CosigningKey.Load(new WitnessOptions { Name = Name, KeyFile = DevelopmentWitness.KeyFile }, host.Folder);
        var configured = host.Host.Services.GetRequiredService<IOptions<IntegrityOptions>>().Value.Witnesses.ShouldHaveSingleItem();
        configured.VerifierKey.ShouldBe(key.VerifierKey);
        checkpoint.Note.Split('\n').ShouldContain(l => l.StartsWith($"\u2014 {Name} ", StringComparison.Ordinal), "the checkpoint carries the witness's cosignature");
        WitnessKey.Parse(key.VerifierKey).Check(checkpoint.Note).Status.ShouldBe(WitnessKey.Valid);

        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(host.Folder, DevelopmentWitness.StateFile), TestContext.Current.CancellationToken));
        state.RootElement.GetProperty("my-government/events").GetProperty("Size").GetInt64().ShouldBe(checkpoint.TreeSize, "the witness remembers what it cosigned, in its own file");

        var report = await host.VerifyAsync();
        report.Ok.ShouldBeTrue(string.Join("; ", report.Findings));
        report.Cosignatures.ShouldNotBeNull().ShouldContain(c => c.CheckpointId == checkpoint.Id && c.Witness == Name && c.Status == WitnessKey.Valid);
    }

    [Fact]
    public async Task Openssl_verifies_the_witness_cosignature_and_the_log_signature_of_a_checkpoint_from_the_api()
    {
        if (!File.Exists("/usr/bin/openssl"))
        {
            Assert.Skip("openssl is not installed at /usr/bin/openssl");
        }
        await host.AppendAsync(1);
        await host.CheckpointAsync();
        var exported = await host.Host.Scenario(s =>
        {
            s.As(host.AuditorToken).Get.Url("/api/audit/checkpoints");
            s.StatusCodeShouldBeOk();
        });
        var note = JsonDocument.Parse(exported.ReadAsText()).RootElement.EnumerateArray().Last().GetProperty("note").GetString()!;
        var publicKey = await host.Host.Scenario(s => s.Get.Url("/api/audit/public-key"));
        await WriteAsync("log.pem", JsonDocument.Parse(publicKey.ReadAsText()).RootElement.GetProperty("pem").GetString()!);
        var vkey = host.Host.Services.GetRequiredService<IOptions<IntegrityOptions>>().Value.Witnesses.Single().VerifierKey.Split('+', 3);
        // Ed25519 SubjectPublicKeyInfo (RFC 8410): a fixed 12-byte DER prefix, then the 32-byte key after the vkey's type byte.
        byte[] spki = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, .. Convert.FromBase64String(vkey[2])[1..]];
        await WriteAsync("witness.pem", $"-----BEGIN PUBLIC KEY-----\n{Convert.ToBase64String(spki)}\n-----END PUBLIC KEY-----\n");

        var split = note.IndexOf("\n\n", StringComparison.Ordinal);
        var body = note[..(split + 1)];
        var lines = note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var logSignature = Convert.FromBase64String(lines.Single(l => l.StartsWith("\u2014 my-government/events ", StringComparison.Ordinal)).Split(' ')[2]);
        var cosignature = Convert.FromBase64String(lines.Single(l => l.StartsWith($"\u2014 {Name} ", StringComparison.Ordinal)).Split(' ')[2]);
        Convert.ToHexStringLower(cosignature[..4]).ShouldBe(vkey[1]);
        var time = BinaryPrimitives.ReadUInt64BigEndian(cosignature.AsSpan(4, 8));
        await File.WriteAllBytesAsync(Path.Combine(_work, "log.sig"), logSignature[4..], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(_work, "cosignature.sig"), cosignature[12..], TestContext.Current.CancellationToken);

        // c2sp.org/tlog-cosignature: Ed25519 over "cosignature/v1\ntime <t>\n" then the checkpoint body.
        await WriteAsync("body", body);
        await WriteAsync("cosigned", $"cosignature/v1\ntime {time}\n{body}");
        var witness = await OpensslAsync("pkeyutl", "-verify", "-pubin", "-inkey", "witness.pem", "-rawin", "-in", "cosigned", "-sigfile", "cosignature.sig");
        witness.Exit.ShouldBe(0, witness.Output);
        witness.Output.ShouldContain("Signature Verified Successfully");
        // c2sp.org/signed-note, type 0x02: ECDSA P-256 over SHA-256 of the body, DER, after the 4-byte key id.
        var log = await OpensslAsync("dgst", "-sha256", "-verify", "log.pem", "-signature", "log.sig", "body");
        log.Exit.ShouldBe(0, log.Output);
        log.Output.ShouldContain("Verified OK");

        // Another size in the body: neither signature holds, so the two checks above are not vacuous.
        var lied = body.Split('\n');
        lied[1] = (long.Parse(lied[1], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WriteAsync("body", string.Join('\n', lied));
        await WriteAsync("cosigned", $"cosignature/v1\ntime {time}\n{string.Join('\n', lied)}");
        (await OpensslAsync("pkeyutl", "-verify", "-pubin", "-inkey", "witness.pem", "-rawin", "-in", "cosigned", "-sigfile", "cosignature.sig")).Exit.ShouldNotBe(0);
        (await OpensslAsync("dgst", "-sha256", "-verify", "log.pem", "-signature", "log.sig", "body")).Exit.ShouldNotBe(0);
    }

    private Task WriteAsync(string file, string text) =>
        File.WriteAllTextAsync(Path.Combine(_work, file), text, new UTF8Encoding(false), TestContext.Current.CancellationToken);

    private async Task<(int Exit, string Output)> OpensslAsync(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/openssl") { WorkingDirectory = _work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
