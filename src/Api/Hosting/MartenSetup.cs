using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using MyGovernment.Api.ServiceRequests;
using MyGovernment.Application.Catalog;
using MyGovernment.Application.Documents;
using MyGovernment.Application.Idempotency;
using MyGovernment.Application.Payments;
using MyGovernment.Application.Payments.Refunds;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Application.Staff;
using MyGovernment.Integrity;
using MyGovernment.Projections.AccessLog;
using MyGovernment.Projections.Catalog;
using MyGovernment.Projections.Ledger;
using MyGovernment.Projections.Payments;
using MyGovernment.Projections.Reconciliation;
using MyGovernment.Projections.ServiceRequests;
using Weasel.Core;
using Wolverine.Marten;

namespace MyGovernment.Api.Hosting;

public static class MartenSetup
{
    public const string Schema = "mygov";

    public static IServiceCollection AddMyGovernmentMarten(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        var marten = services.AddMarten(opts =>
            {
                opts.Connection(WithPreparedStatements(connectionString));
                opts.DatabaseSchemaName = Schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, StoredJson.Configure);
                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                RegisterProjections(opts);
                // Async projection lag (docs/benchmarks.md): look for new events every 100 ms while they flow and
                // every 250 ms otherwise. The 1 s default also applies while an in-flight append holds the
                // high-water mark back, which alone put the lag's p95 over 1 s under load.
                opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
                opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);
                IdempotencyStorage.Map(opts);
                ServiceRequestIndexes.Apply(opts);
                opts.AddIntegrityTables(Schema);
                opts.AddDocumentTables(Schema);
            })
            .UseLightweightSessions();
        // Also creates our own integrity tables (ExtendedSchemaObjects), which no Marten operation would create lazily.
        // Off only for hosts that must start without a database (the 503 tests).
        if (configuration.GetValue("Marten:ApplyChangesOnStartup", true))
        {
            marten.ApplyAllDatabaseChangesOnStartup();
            // Right after the schema update and before Wolverine's runtime (registered later): see the class.
            services.AddHostedService<RequestTimersUpgrade>();
            services.AddHostedService<RequestRowStorage>();
            services.AddSingleton<RequestWriteModelBackfill>();
            services.AddHostedService(sp => sp.GetRequiredService<RequestWriteModelBackfill>());
        }
        marten
            .IntegrateWithWolverine()
            .AddAsyncDaemon(configuration.GetValue("Marten:DaemonMode", DaemonMode.Solo));
        return services;
    }

    /// <summary>
    /// Npgsql prepares the statements a connection runs repeatedly (Marten's appends, upserts and lookups), so
    /// PostgreSQL stops parsing and planning them on every command: about 20% less CPU per submission measured
    /// here with a plain connection string. Prepared statements survive the pool's connection reset. A connection
    /// string that names its own auto-prepare setting keeps it (the local cluster's already does).
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        if (connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 100, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    /// <summary>
    /// Every projection and its lifecycle, in one place. Write models are folded live on each command (short
    /// streams, no extra write per command); read models that a client reads right after its own command are
    /// inline; projections spanning many streams will run async in the daemon.
    /// </summary>
    private static void RegisterProjections(StoreOptions opts)
    {
        opts.Projections.Add(new ServiceWriteModelProjection(), ProjectionLifecycle.Live);
        opts.Projections.Add(new ServiceRequestWriteModelProjection(), ProjectionLifecycle.Live);
        opts.Projections.Add(new RosterWriteModelProjection(), ProjectionLifecycle.Live);
        opts.Projections.Add(new PaymentWriteModelProjection(), ProjectionLifecycle.Live);
        opts.Projections.Add(new RefundWriteModelProjection(), ProjectionLifecycle.Live);

        opts.Projections.Add(new ServiceCatalogEntryProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new DepartmentEntryProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new HolidayCalendarWriteModelProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new PublicHolidayCalendarProjection(), ProjectionLifecycle.Inline);
        // A rebuild reads 5,000 events a page instead of 500: fewer round trips per event, about 15% faster here.
        opts.Projections.Add(new ServiceRequestDetailsProjection { Options = { BatchSize = 5000 } }, ProjectionLifecycle.Inline);
        // Keyed by verification code but fed by one request stream each, so inline is safe and a document
        // can be verified the moment it is issued.
        opts.Projections.Add(new IssuedDocumentProjection(), ProjectionLifecycle.Inline);
        // Read right after the citizen's own command, and by the payment re-check job: inline.
        opts.Projections.Add(new PaymentDetailsProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new RefundDetailsProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<PaymentDetails>().Index(p => p.ProviderSessionId).Index(p => p.CapturedAt);
        opts.Projections.Add(new ReconciliationDetailsProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<ReconciliationDetails>().Index(r => r.StatementDate);
        // Spans every payment and refund stream, but writes only rows keyed by the event itself (no contention), so it
        // runs inline: the ledger is current the moment money moves, in the same transaction as the money event.
        opts.Projections.Add(new RevenueLedgerProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<LedgerEntry>().Index(l => l.At).Index(l => l.PaymentId).Index(l => l.DepartmentCode);

        // Spans every citizen's access-log stream: async, in the daemon (Solo on one node, HotCold across nodes).
        opts.Projections.Add(new AccessLogProjection(), ProjectionLifecycle.Async);
    }
}
