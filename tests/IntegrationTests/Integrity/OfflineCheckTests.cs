using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Metadata;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Integrity;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// The auditor's documented offline checks (docs/verifiable-history.md, "Auditor workflow"), run as documented:
/// the bash + openssl block is taken from the document itself and run on files saved from the API, and the
/// `verify-proof` and `verify --checkpoints` commands read those same files.
/// </summary>
public sealed class OfflineCheckTests(TamperHost host) : IClassFixture<TamperHost>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mygov-offline-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_documented_bash_and_openssl_steps_check_a_receipt_and_refuse_a_forged_one()
    {
        if (new[] { "bash", "openssl", "jq", "xxd", "base64" }.FirstOrDefault(tool => !OnPath(tool)) is { } missing)
        {
            Assert.Skip($"'{missing}' is not installed: the documented offline check needs bash, openssl, jq, xxd and base64.");
        }
        var seq = await AppendAndSignAsync();
        await SaveAsync("receipt.json", $"/api/audit/proofs/inclusion?seq={seq}");
        await File.WriteAllTextAsync(Path.Combine(_folder, "key.pem"), await PublicKeyPemAsync(), TestContext.Current.CancellationToken);
        var script = DocumentedBlock("offline-receipt-check");

        var honest = await BashAsync(script);
        honest.Exit.ShouldBe(0, honest.Error);
        honest.Output.ShouldContain("Verified OK");
        honest.Output.ShouldContain($"is in the signed log of");
        honest.Output.ShouldContain("citizen_data_viewed", customMessage: "step 7 shows which event was proven");

        var receipt = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "receipt.json"), TestContext.Current.CancellationToken))!;
        var path = receipt["auditPath"]!.AsArray();
        path.Count.ShouldBeGreaterThan(0);
        path[0] = Convert.ToBase64String(new byte[32]);
        await File.WriteAllTextAsync(Path.Combine(_folder, "receipt.json"), receipt.ToJsonString(), TestContext.Current.CancellationToken);
        var forgedPath = await BashAsync(script);
        forgedPath.Exit.ShouldNotBe(0);
        forgedPath.Error.ShouldContain("FAIL: the audit path does not lead to the signed root");

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(Path.Combine(_folder, "key.pem"), otherKey.ExportSubjectPublicKeyInfoPem(), TestContext.Current.CancellationToken);
        var wrongKey = await BashAsync(script);
        wrongKey.Exit.ShouldNotBe(0);
        wrongKey.Error.ShouldContain("FAIL: the checkpoint is not signed by this key");
    }

    [Fact]
    public async Task Verify_proof_checks_a_saved_receipt_and_a_saved_consistency_proof()
    {
        var first = await host.CheckpointAsync();
        var seq = await AppendAndSignAsync();
        var second = (await host.Host.Services.GetRequiredService<IntegrityLog>().CheckpointsAsync(TestContext.Current.CancellationToken))[^1];
        await SaveAsync("receipt.json", $"/api/audit/proofs/inclusion?seq={seq}");
        await SaveAsync("consistency.json", $"/api/audit/proofs/consistency?from={first.TreeSize}&to={second.TreeSize}");
        var key = Path.Combine(_folder, "key.pem");
        await File.WriteAllTextAsync(key, await PublicKeyPemAsync(), TestContext.Current.CancellationToken);

        var receipt = await OfflineCheck.CheckFilesAsync(Path.Combine(_folder, "receipt.json"), key);
        receipt.Ok.ShouldBeTrue(receipt.Message);
        // The command line itself, as an auditor runs it: before any host or database is set up.
        (await RunProgramAsync("verify-proof", "--file", Path.Combine(_folder, "receipt.json"), "--public-key", key)).ShouldBe(0);
        (await RunProgramAsync("verify-proof", "--file", Path.Combine(_folder, "missing.json"), "--public-key", key)).ShouldNotBe(0);
        receipt.Message.ShouldStartWith($"OK: event seq {seq} (citizen_data_viewed");
        var consistency = await OfflineCheck.CheckFilesAsync(Path.Combine(_folder, "consistency.json"), key);
        consistency.Ok.ShouldBeTrue(consistency.Message);
        consistency.Message.ShouldContain($"extends the signed log of {first.TreeSize} events");

        // The JSON around a proof is not signed: claiming the receipt is for another event is caught from the leaf bytes.
        var relabelled = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "receipt.json"), TestContext.Current.CancellationToken))!;
        relabelled["seq"] = seq - 1;
        await File.WriteAllTextAsync(Path.Combine(_folder, "receipt.json"), relabelled.ToJsonString(), TestContext.Current.CancellationToken);
        (await OfflineCheck.CheckFilesAsync(Path.Combine(_folder, "receipt.json"), key)).Message.ShouldBe($"FAIL: the proven leaf is not event seq {seq - 1}");

        var rewritten = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "consistency.json"), TestContext.Current.CancellationToken))!;
        rewritten["proof"]!.AsArray()[0] = Convert.ToBase64String(new byte[32]);
        await File.WriteAllTextAsync(Path.Combine(_folder, "consistency.json"), rewritten.ToJsonString(), TestContext.Current.CancellationToken);
        (await OfflineCheck.CheckFilesAsync(Path.Combine(_folder, "consistency.json"), key)).Ok.ShouldBeFalse();
    }

    private static async Task<int> RunProgramAsync(params string[] args)
    {
        var result = typeof(Program).Assembly.EntryPoint!.Invoke(null, [args]);
        return result is Task<int> running ? await running : (int)result!;
    }

    [Fact]
    public async Task Verify_reads_the_checkpoints_file_the_auditor_kept_and_rejects_a_note_signed_by_another_key()
    {
        await AppendAndSignAsync();
        var kept = Path.Combine(_folder, "kept.json");
        await SaveAsync("kept.json", "/api/audit/checkpoints");
        var notes = await CheckpointView.ReadKeptNotesAsync(kept);
        notes.ShouldNotBeEmpty();

        var verifier = host.Host.Services.GetRequiredService<LogVerifier>();
        var honest = await verifier.VerifyAsync(TestContext.Current.CancellationToken, notes);
        honest.Ok.ShouldBeTrue(string.Join("; ", honest.Findings));
        honest.Checkpoints.Count.ShouldBe(notes.Count);

        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var genuine = SignedCheckpoint.Parse(notes[^1])!;
        var forged = SignedCheckpoint.Sign(genuine.Origin, genuine.TreeSize, genuine.RootHash, genuine.Time, forger);
        var report = await verifier.VerifyAsync(TestContext.Current.CancellationToken, [.. notes, forged.Note]);
        report.Ok.ShouldBeFalse();
        report.Checkpoints[^1].SignatureValid.ShouldBeFalse();
        report.Checkpoints.SkipLast(1).ShouldAllBe(c => c.SignatureValid);
    }

    private async Task<long> AppendAndSignAsync()
    {
        await using var session = host.Store.LightweightSession();
        var citizen = Citizens.NewNationalId();
        var officer = new Actor("officer-9", "officer", "civil-registry");
        EventMetadata.Apply(session, officer, "offline-test", "read:request-details", DateTimeOffset.UtcNow);
        session.Events.Append(AccessLogStreams.For(citizen), new CitizenDataViewed(citizen, Guid.NewGuid(), "request-details", officer, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        var seq = (await session.Events.FetchStreamAsync(AccessLogStreams.For(citizen), token: TestContext.Current.CancellationToken))[0].Sequence;
        await host.CheckpointAsync();
        return seq;
    }

    private async Task SaveAsync(string file, string url)
    {
        var result = await host.Host.Scenario(s =>
        {
            s.As(host.AuditorToken).Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        await File.WriteAllTextAsync(Path.Combine(_folder, file), result.ReadAsText(), TestContext.Current.CancellationToken);
    }

    private async Task<string> PublicKeyPemAsync()
    {
        var result = await host.Host.Scenario(s => s.Get.Url("/api/audit/public-key"));
        return JsonDocument.Parse(result.ReadAsText()).RootElement.GetProperty("pem").GetString()!;
    }

    /// <summary>The fenced block that follows the marker comment in docs/verifiable-history.md, character for character.</summary>
    private static string DocumentedBlock(string marker)
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "verifiable-history.md"));
        var at = doc.IndexOf($"<!-- {marker}:", StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"the document has no '{marker}' block");
        var start = doc.IndexOf("```bash\n", at, StringComparison.Ordinal) + "```bash\n".Length;
        return doc[start..doc.IndexOf("\n```", start, StringComparison.Ordinal)] + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "verifiable-history.md")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("docs/verifiable-history.md not found above the test binaries");
    }

    private async Task<(int Exit, string Output, string Error)> BashAsync(string script)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));
}
