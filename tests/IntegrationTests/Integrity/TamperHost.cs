using System.Security.Cryptography;
using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Npgsql;

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
}
