using System.Security.Cryptography;
using Alba;
using MyGovernment.Application.Metadata;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// A second API host on a database of its own in the fixture's cluster, so that tests may edit mt_events with SQL
/// without disturbing the tests sharing the main database. No periodic checkpoints: each test signs its own.
/// </summary>
public class TamperHost(AppFixture app) : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public ECDsa PublicKey { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await ScratchDatabase.CreateAsync(app.ConnectionString, "mygov_tamper_");
        await BeforeHostAsync();
        var signing = PublicKey.ExportPkcs8PrivateKeyPem();
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:Postgres", ConnectionString);
            web.UseSetting("Authentication:DevelopmentIssuer", "true");
            web.UseSetting("Catalog:SeedDemo", "true");
            web.UseSetting("Integrity:CheckpointInterval", "00:00:00");
            web.UseSetting("Integrity:GapTimeout", "00:00:00");
            web.UseSetting("Integrity:SigningKeyPem", signing);
            // The tests here must be the only writers to this database: the warm-up's refused submission makes Marten
            // fill the sequence numbers it took with tombstone events, which land among the rows a test seals. With
            // pre-generated code the warm-up runs within a second of start, while the first test runs.
            web.UseSetting("WarmUp:Enabled", "false");
            Configure(web);
        });
    }

    /// <summary>For a variant of this host (e.g. with a witness): runs before the host is built.</summary>
    protected virtual Task BeforeHostAsync() => Task.CompletedTask;

    protected virtual void Configure(IWebHostBuilder web)
    {
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
        PublicKey.Dispose();
        GC.SuppressFinalize(this);
    }

    public string AuditorToken => Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint("auditor-1", Roles.Auditor, null, null);

    public Task<VerifyReport> VerifyAsync() => Host.Services.GetRequiredService<LogVerifier>().VerifyAsync(TestContext.Current.CancellationToken);

    public async Task<StoredCheckpoint> CheckpointAsync() =>
        (await Host.Services.GetRequiredService<IntegrityLog>().CheckpointAsync(force: true, TestContext.Current.CancellationToken))!;

    /// <summary>
    /// The sealer of another node on the same database and key, or of this node after a restart: it holds no fold of
    /// the log of its own yet, so its first signing round resumes from the stored tiles.
    /// </summary>
    public IntegrityLog OtherNode() => ActivatorUtilities.CreateInstance<IntegrityLog>(Host.Services);

    public async Task<T> SqlAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Applies the edit, hands the report over, undoes the edit and checks the log verifies again.</summary>
    public async Task TamperAsync(string tamper, string undo, Action<VerifyReport> expect, bool checkBefore = true)
    {
        if (checkBefore)
        {
            (await VerifyAsync()).Ok.ShouldBeTrue("the log was honest before the edit");
        }
        await SqlAsync(tamper);
        try
        {
            var report = await VerifyAsync();
            report.Ok.ShouldBeFalse();
            expect(report);
        }
        finally
        {
            await SqlAsync(undo);
        }
        (await VerifyAsync()).Ok.ShouldBeTrue("undoing the edit restores the log");
    }

    public async Task<(long[] Seqs, Guid[] Ids)> SealedAsync(int count)
    {
        var appended = await AppendAsync(count);
        await CheckpointAsync();
        return appended;
    }

    /// <summary>Officers viewing a citizen's data: the access-log events of DESIGN §7, appended as the API does.</summary>
    public async Task<(long[] Seqs, Guid[] Ids)> AppendAsync(int count)
    {
        await using var session = Store.LightweightSession();
        var citizen = Citizens.NewNationalId();
        var officer = new Actor("officer-7", "officer", "civil-registry");
        EventMetadata.Apply(session, officer, "tamper-test", "read:request-details", DateTimeOffset.UtcNow);
        var events = Enumerable.Range(0, count)
            .Select(_ => session.Events.Append(AccessLogStreams.For(citizen), new CitizenDataViewed(citizen, Guid.NewGuid(), "request-details", officer, DateTimeOffset.UtcNow)))
            .ToList();
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        var stored = await session.Events.FetchStreamAsync(AccessLogStreams.For(citizen), token: TestContext.Current.CancellationToken);
        await AccessLogProjectedAsync(stored[^1].Sequence);
        return (stored.Select(e => e.Sequence).ToArray(), stored.Select(e => e.Id).ToArray());
    }

    /// <summary>
    /// Waits until the async daemon's access-log projection has passed these events. A test that edits a fresh event
    /// before (deletes it, moves its seq) would hide it from the daemon, which then passes its seq without making its
    /// row: a real "missing" row that a later read-model check in the same database names (CI saw it once).
    /// </summary>
    private async Task AccessLogProjectedAsync(long sequence)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await SqlAsync<long>("select coalesce(max(last_seq_id), 0) from mygov.mt_event_progression where name = 'AccessLog:All'") < sequence)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"the access-log projection reaches seq {sequence}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
