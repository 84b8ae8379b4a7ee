using Alba;
using Marten.Events;
using MyGovernment.Domain.AccessLog;
using MyGovernment.Domain.Catalog;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Payments;
using MyGovernment.Domain.Payments.Refunds;
using MyGovernment.Domain.Reconciliation;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Someone with database access edits a read model directly: the read-model check names exactly the row (and field)
/// they changed, deleted or invented, in every kind of read model. Runs on a database of its own (its own
/// <see cref="TamperHost"/>), and each test undoes its edit, so an honest check still passes afterwards.
/// </summary>
public sealed class ReadModelTamperTests(TamperHost host) : IClassFixture<TamperHost>
{
    /// <summary>Every read model, the table it lives in, a field to forge and a value it never holds.</summary>
    public static TheoryData<string, string, string, string> ReadModels => new()
    {
        { "AccessLogEntry", "mt_doc_accesslogentry", "viewerId", "\"someone-else\"" },
        { "DepartmentEntry", "mt_doc_departmententry", "code", "\"FORGED\"" },
        { "HolidayCalendar", "mt_doc_holidaycalendar", "holidays", "[]" },
        { "IssuedDocument", "mt_doc_issueddocument", "revoked", "true" },
        { "LedgerEntry", "mt_doc_ledgerentry", "debit", "12345.67" },
        { "PaymentDetails", "mt_doc_paymentdetails", "payerId", "\"999999999\"" },
        { "PublicHolidayCalendar", "mt_doc_publicholidaycalendar", "holidays", "[]" },
        { "ReconciliationDetails", "mt_doc_reconciliationdetails", "sha256", "\"00\"" },
        { "RefundDetails", "mt_doc_refunddetails", "reason", "\"forged\"" },
        { "ServiceCatalogEntry", "mt_doc_servicecatalogentry", "slaWorkingDays", "999" },
        // Not "status": its duplicated column would then disagree too (a second finding, see the column test below).
        { "ServiceRequestDetails", "mt_doc_servicerequestdetails", "serviceCode", "\"FORGED\"" },
    };

    [Fact]
    public async Task An_honest_database_has_no_differences_in_any_read_model()
    {
        await SeedAsync();

        var report = await CheckAsync(null);

        report.ReadModelsChecked.ShouldBe(ReadModels.Select(r => r.Data.Item1).Order(StringComparer.Ordinal), ignoreOrder: false);
        report.ReadModels.ShouldAllBe(r => r.RecomputedRows > 0 && r.RecomputedRows == r.StoredRows && r.DifferenceCount == 0, System.Text.Json.JsonSerializer.Serialize(report.ReadModels));
        report.Ok.ShouldBeTrue(System.Text.Json.JsonSerializer.Serialize(report.ReadModels.SelectMany(r => r.Differences)));
        report.ReadModels.Single(r => r.ReadModel == "AccessLogEntry").UpToSeq.ShouldNotBeNull("an async projection is compared up to its daemon's progress");
    }

    [Theory]
    [MemberData(nameof(ReadModels))]
    public async Task An_edited_field_is_named_with_its_row(string readModel, string table, string field, string forged)
    {
        var id = await RowAsync(table);
        await TamperAsync(
            $"update mygov.{table} set data = jsonb_set(data, '{{{field}}}', '{forged}'::jsonb) where id::text = '{id}'",
            $"update mygov.{table} t set data = b.data from rm_backup b where t.id = b.id",
            table, id, readModel,
            result =>
            {
                var changed = Named(result, readModel, id, "differs").Fields.ShouldHaveSingleItem();
                changed.Path.ShouldBe(field);
                changed.Stored.ShouldBe(forged);
            });
    }

    [Theory]
    [InlineData("status", "'Completed'")]
    [InlineData("assigned_to", "'officer-forged'")]
    [InlineData("current_department", "'FORGED-DEPT'")]
    public async Task A_request_column_edited_apart_from_its_document_is_named(string column, string forged)
    {
        // The workload count reads these columns, not the JSON: editing one changes who gets the next request.
        var id = await RowAsync("mt_doc_servicerequestdetails");
        await TamperAsync(
            $"update mygov.mt_doc_servicerequestdetails set {column} = {forged} where id::text = '{id}'",
            $"update mygov.mt_doc_servicerequestdetails t set {column} = b.{column} from rm_backup b where t.id = b.id",
            "mt_doc_servicerequestdetails", id, "ServiceRequestDetails",
            result =>
            {
                var changed = Named(result, "ServiceRequestDetails", id, "differs").Fields.ShouldHaveSingleItem();
                changed.Path.ShouldBe(column + " (column)");
                changed.Stored.ShouldBe(forged.Trim('\''));
            });
    }

    [Theory]
    [MemberData(nameof(ReadModels))]
    public async Task A_deleted_row_is_named_as_missing(string readModel, string table, string field, string forged)
    {
        _ = (field, forged);
        var id = await RowAsync(table);
        await TamperAsync(
            $"delete from mygov.{table} where id::text = '{id}'",
            $"insert into mygov.{table} select * from rm_backup",
            table, id, readModel,
            result => Named(result, readModel, id, "missing").Fields.ShouldBeEmpty());
    }

    [Theory]
    [MemberData(nameof(ReadModels))]
    public async Task An_invented_row_is_named_as_extra(string readModel, string table, string field, string forged)
    {
        _ = (field, forged);
        var id = await RowAsync(table);
        var bogus = readModel == "IssuedDocument" ? "FORGED-0001" : Guid.NewGuid().ToString();
        var bogusId = readModel == "IssuedDocument" ? $"'{bogus}'" : $"'{bogus}'::uuid";
        await TamperAsync(
            $"create table rm_bogus as select * from mygov.{table} where id::text = '{id}'; " +
            $"update rm_bogus set id = {bogusId}, data = jsonb_set(data, '{{id}}', to_jsonb('{bogus}'::text)); " +
            $"insert into mygov.{table} select * from rm_bogus; drop table rm_bogus",
            $"delete from mygov.{table} where id = {bogusId}",
            table, id, readModel,
            result => Named(result, readModel, bogus, "extra").Fields.ShouldBeEmpty());
    }

    [Fact]
    public async Task An_unknown_read_model_is_a_bad_request()
    {
        var result = await host.Host.Scenario(s =>
        {
            s.As(host.AuditorToken).Get.Url("/api/audit/read-model-check?readModel=NoSuchThing");
            s.StatusCodeShouldBe(400);
        });
        (await result.ReadAsTextAsync()).ShouldContain("unknown_projection");
    }

    /// <summary>Backs the row up, tampers, checks only that read model, undoes the edit, and checks the whole database is honest again.</summary>
    private async Task TamperAsync(string tamper, string undo, string table, string id, string readModel, Action<ReadModelResult> expect)
    {
        await host.SqlAsync($"drop table if exists rm_backup; create table rm_backup as select * from mygov.{table} where id::text = '{id}'");
        await host.SqlAsync(tamper);
        try
        {
            var report = await CheckAsync(readModel);
            report.ReadModelsChecked.ShouldBe([readModel]);
            report.Ok.ShouldBeFalse();
            var result = report.ReadModels.ShouldHaveSingleItem();
            result.DifferenceCount.ShouldBe(1, System.Text.Json.JsonSerializer.Serialize(result.Differences));
            expect(result);
        }
        finally
        {
            await host.SqlAsync(undo);
            await host.SqlAsync("drop table rm_backup");
        }
        (await CheckAsync(readModel)).Ok.ShouldBeTrue("the undo restored the row");
    }

    private static ReadModelDifference Named(ReadModelResult result, string readModel, string id, string problem)
    {
        var difference = result.Differences.ShouldHaveSingleItem();
        (difference.ReadModel, difference.Id, difference.Problem).ShouldBe((readModel, id, problem));
        return difference;
    }

    private async Task<ReadModelCheckReport> CheckAsync(string? readModel)
    {
        var result = await host.Host.Scenario(s =>
        {
            s.As(host.AuditorToken).Get.Url("/api/audit/read-model-check" + (readModel is null ? "" : $"?readModel={readModel}"));
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<ReadModelCheckReport>())!;
    }

    private async Task<string> RowAsync(string table)
    {
        await SeedAsync();
        return await host.SqlAsync<string>($"select id::text from mygov.{table} order by id limit 1");
    }

    private static readonly SemaphoreSlim Seeding = new(1, 1);

    /// <summary>
    /// One row of every read model, appended the way the handlers append them (the catalog and calendar come from the
    /// demo seed). The payment is created in its own commit before its capture, as in production: the ledger reads
    /// the payment's department from its read model.
    /// </summary>
    private async Task SeedAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await Seeding.WaitAsync(ct);
        try
        {
            if (await host.SqlAsync<long>("select count(*) from mygov.mt_doc_ledgerentry") > 0)
            {
                return;
            }
            var at = new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.Zero);
            var citizen = Citizens.NewNationalId();
            var officer = new Actor("officer-7", "officer", "CIVIL-REGISTRY");
            var finance = new Actor("finance-1", "finance", "TREASURY");
            var (request, payment, refund, reconciliation) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            await using (var session = host.Store.LightweightSession())
            {
                session.Events.StartStream(request,
                    new ServiceRequestSubmitted(request, "BIRTH-CERT", new LocalizedText("شهادة", "Certificate"), citizen, new Actor("citizen-" + citizen, "citizen", null, citizen),
                        SubmissionChannel.Online, new Dictionary<string, string> { ["name"] = "Test" }, true, ["CIVIL-REGISTRY"], false, 5, at),
                    new DocumentIssued(request, "VC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), "BIRTH-CERT", officer, at.AddHours(1)));
                session.Events.StartStream(payment,
                    new PaymentCreated(payment, request, "CIVIL-REGISTRY", Money.Ils(50m), PaymentChannel.Card, citizen, officer, at));
                session.Events.Append(AccessLogStreams.For(citizen), new CitizenDataViewed(citizen, request, "request-details", officer, at));
                await session.SaveChangesAsync(ct);
            }
            await using (var session = host.Store.LightweightSession())
            {
                // As the handlers do: fetched for writing, so the inline projections see the event's version.
                (await session.Events.FetchForWriting<Payment>(payment, ct)).AppendOne(new PaymentSucceeded(payment, "evt-1", Money.Ils(50m), at.AddMinutes(5)));
                session.Events.StartStream(refund,
                    new RefundRequested(refund, payment, Money.Ils(10m), Money.Ils(50m), "duplicate", finance, at.AddHours(2)),
                    new RefundSucceeded(refund, payment, Money.Ils(10m), "CIVIL-REGISTRY", at.AddHours(3)));
                session.Events.StartStream(reconciliation,
                    new SettlementStatementImported(reconciliation, "sandbox", new DateOnly(2026, 3, 2), new string('a', 64), 1,
                        Money.Ils(50m), Money.Ils(1m), Money.Ils(49m), finance, at.AddDays(1)));
                await session.SaveChangesAsync(ct);
            }
            await host.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Seeding.Release();
        }
    }
}
