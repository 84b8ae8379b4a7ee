using System.Security.Cryptography;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Integrity is a library, not a feature of the web host: a bare Marten store on a database of its own, a connection
/// string and a key are all it takes to seal, sign, prove and verify — what a command-line tool or an auditor's
/// script does. No API host, no dependency injection.
/// </summary>
public sealed class IntegrityWithoutHostTests(AppFixture app)
{
    private const string Schema = "bare";

    /// <summary>An event type of this test alone: the log seals whatever the store holds.</summary>
    public sealed record NoteWritten(string Text);

    [Fact]
    public async Task A_bare_store_is_sealed_proven_and_verified_and_a_changed_event_is_named()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await ScratchDatabase.CreateAsync(app.ConnectionString, "mygov_bare_");
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var key = CheckpointKey.FromPem(signing.ExportPkcs8PrivateKeyPem());
        using var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = Schema;
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            // The leaf covers every metadata column, so the store must have them.
            opts.Events.MetadataConfig.CorrelationIdEnabled = true;
            opts.Events.MetadataConfig.CausationIdEnabled = true;
            opts.Events.MetadataConfig.HeadersEnabled = true;
            opts.AddIntegrityTables(Schema);
            // The application's tag on each event it appends: without it the sealer refuses the events.
            opts.Listeners.Add(new EventTagListener(key));
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream(Guid.NewGuid(), new NoteWritten("one"), new NoteWritten("two"), new NoteWritten("three"));
            await session.SaveChangesAsync(ct);
        }

        var db = new IntegrityDatabase(connectionString, Schema);
        var options = Options.Create(new IntegrityOptions { GapTimeout = TimeSpan.Zero });
        var resolutions = new IntegrityResolutions(db, key, TimeProvider.System);
        var log = new IntegrityLog(db, key, options, TimeProvider.System, new IntegrityAlarm(NullLogger<IntegrityAlarm>.Instance), resolutions);
        var verifier = new LogVerifier(db, log, key, options, resolutions);

        var checkpoint = (await log.CheckpointAsync(force: true, ct))!;
        checkpoint.TreeSize.ShouldBe(3);
        (await verifier.VerifyAsync(ct)).Ok.ShouldBeTrue();
        var receipt = (await new LogProofs(log, db).ReceiptAsync(2, null, ct)).Proof.ShouldNotBeNull();
        OfflineCheck.Check(receipt, signing).Ok.ShouldBeTrue();

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var tamper = new NpgsqlCommand($"update {Schema}.mt_events set data = '{{\"text\":\"TWO\"}}' where seq_id = 2", connection);
            (await tamper.ExecuteNonQueryAsync(ct)).ShouldBe(1);
        }
        var report = await verifier.VerifyAsync(ct);

        report.Ok.ShouldBeFalse();
        var finding = report.Findings.ShouldHaveSingleItem();
        finding.Kind.ShouldBe("modified");
        finding.Seq.ShouldBe(2);
        report.Checkpoints.ShouldHaveSingleItem().MatchesEvents.ShouldBeFalse();
    }
}
