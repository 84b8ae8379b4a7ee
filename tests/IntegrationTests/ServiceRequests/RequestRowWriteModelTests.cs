using Marten;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Api.Identity;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.ServiceRequests;
using Npgsql;
using Shouldly;

namespace MyGovernment.IntegrationTests.ServiceRequests;

/// <summary>
/// Commands on a request open it from its row (issue 16): the inline projection keeps Domain's write model in
/// <see cref="ServiceRequestDetails.WriteModel"/>, at the row's version. The row must hold exactly what folding the
/// stream gives, stay out of what is served, upgrade rows written before it existed, and still let only one of two
/// commands that read the same version append.
/// </summary>
/// <remarks>
/// Runs alone: two tests edit a row of the shared database as an older release would have left it, which a read-model
/// check running meanwhile would rightly report. Each test leaves every row it edited as a fresh fold gives it.
/// </remarks>
[Collection(nameof(ReadModels.RunsAlone))]
public sealed class RequestRowWriteModelTests(AppFixture app)
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A request with documents, a payment, a claim and a maker's proposal: most of what the write model holds.</summary>
    private Task<Journey> ProposedAsync() => Journey.AwaitingApprovalAsync(app, "Jenin Stone Works");

    private async Task<(string Row, string Fold, long RowVersion)> RowAndFoldAsync(Guid id)
    {
        await using var session = app.Store.QuerySession();
        var row = (await session.LoadAsync<ServiceRequestDetails>(id, Ct)).ShouldNotBeNull();
        var fold = (await session.Events.AggregateStreamAsync<ServiceRequest>(id, token: Ct)).ShouldNotBeNull();
        var serializer = app.Store.Options.Serializer();
        return (row.WriteModel is null ? "null" : serializer.ToJson(row.WriteModel), serializer.ToJson(fold), row.Version);
    }

    [Fact]
    public async Task The_row_holds_the_fold_of_the_stream_at_its_version_and_does_not_serve_it()
    {
        var company = await ProposedAsync();

        var (row, fold, version) = await RowAndFoldAsync(company.Id);
        row.ShouldBe(fold);
        row.ShouldContain("\"status\":\"AwaitingApproval\"");
        row.ShouldContain("\"version\":" + version);
        row.ShouldContain("PAY-" + company.Id);
        // Stored without what reading recomputes: computed members and unset ones.
        row.ShouldNotContain("\"isFinal\"");
        row.ShouldNotContain("\"missing\"");
        row.ShouldNotContain("\"referredTo\"");
        row.ShouldNotContain("\"openInformationRequest\"");

        var served = await app.Host.Scenario(s => s.As(company.CitizenToken).Get.Url(company.Url));
        using var json = System.Text.Json.JsonDocument.Parse(await served.ReadAsTextAsync());
        json.RootElement.TryGetProperty("status", out _).ShouldBeTrue("the row itself is served");
        json.RootElement.TryGetProperty("writeModel", out _).ShouldBeFalse("the engine's bookkeeping is not part of the contract");
    }

    [Fact]
    public async Task A_row_longer_than_postgresqls_compression_threshold_is_stored_uncompressed()
    {
        var company = await ProposedAsync();

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var query = new NpgsqlCommand(
            "select octet_length(data::text), pg_column_compression(data) from mygov.mt_doc_servicerequestdetails where id = @id", connection);
        query.Parameters.AddWithValue("id", company.Id);
        await using var reader = await query.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue();
        reader.GetInt32(0).ShouldBeGreaterThan(2100, "a row PostgreSQL would compress by default");
        reader.IsDBNull(1).ShouldBeTrue("compressed with " + (reader.IsDBNull(1) ? "" : reader.GetString(1)));
    }

    private async Task StripWriteModelAsync(Guid id, long? claimVersion = null)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var strip = new NpgsqlCommand(
            "update mygov.mt_doc_servicerequestdetails set data = jsonb_set(data - 'writeModel', '{version}', to_jsonb(coalesce(@version, (data ->> 'version')::bigint))) where id = @id",
            connection);
        strip.Parameters.AddWithValue("id", id);
        strip.Parameters.Add(new NpgsqlParameter("version", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)claimVersion ?? DBNull.Value });
        (await strip.ExecuteNonQueryAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task The_background_upgrade_gives_older_rows_their_write_model_unless_the_row_moved_on()
    {
        var untouched = await ProposedAsync();
        var moved = await ProposedAsync();
        await StripWriteModelAsync(untouched.Id);
        // As if a command committed after the upgrade folded the stream: the row claims a version the fold is not at.
        await StripWriteModelAsync(moved.Id, claimVersion: moved.Version + 1);

        var backfill = app.Host.Services.GetRequiredService<RequestWriteModelBackfill>();
        (await backfill.RunPassAsync(Ct)).ShouldBe(new RequestWriteModelBackfill.PassResult(Upgraded: 1, Left: 1));

        var (row, fold, _) = await RowAndFoldAsync(untouched.Id);
        row.ShouldBe(fold);
        (await RowAndFoldAsync(moved.Id)).Row.ShouldBe("null", "a row at another version than the fold is left for its next command");
        (await backfill.RunPassAsync(Ct)).ShouldBe(new RequestWriteModelBackfill.PassResult(Upgraded: 0, Left: 1));

        await StripWriteModelAsync(moved.Id, claimVersion: moved.Version);
        (await backfill.RunPassAsync(Ct)).ShouldBe(new RequestWriteModelBackfill.PassResult(Upgraded: 1, Left: 0));
        var (movedRow, movedFold, _) = await RowAndFoldAsync(moved.Id);
        movedRow.ShouldBe(movedFold);
    }

    [Fact]
    public async Task A_pass_that_leaves_no_row_behind_spares_later_starts_the_read()
    {
        await using (var session = app.Store.LightweightSession())
        {
            session.Delete<CompletedUpgrade>(RequestWriteModelBackfill.MarkerId);
            await session.SaveChangesAsync(Ct);
        }
        var backfill = app.Host.Services.GetRequiredService<RequestWriteModelBackfill>();

        (await backfill.UpgradeAtStartAsync(Ct)).ShouldBeTrue("without the marker the table is read");
        await using (var query = app.Store.QuerySession())
        {
            (await query.LoadAsync<CompletedUpgrade>(RequestWriteModelBackfill.MarkerId, Ct)).ShouldNotBeNull();
        }
        (await backfill.UpgradeAtStartAsync(Ct)).ShouldBeFalse("with it, not again");
    }

    [Fact]
    public async Task A_row_written_before_it_carried_the_write_model_is_served_by_the_stream_and_upgraded_by_the_next_command()
    {
        var company = await ProposedAsync();
        await StripWriteModelAsync(company.Id);
        (await RowAndFoldAsync(company.Id)).Row.ShouldBe("null");

        var checker = Journey.Officer(app, "mne-wm-checker-" + company.Id, "MNE", Roles.Supervisor);
        await company.SendAsync(checker, "decision/confirm", new { note = "ok" });

        var (row, fold, _) = await RowAndFoldAsync(company.Id);
        row.ShouldBe(fold);
        row.ShouldContain("\"status\":\"Approved\"");
    }

    [Fact]
    public async Task Of_two_commands_opened_at_the_same_version_only_the_first_to_commit_appends()
    {
        var company = await ProposedAsync();
        await using var first = app.Store.LightweightSession();
        await using var second = app.Store.LightweightSession();
        var one = await ServiceRequestStream.LoadAsync(first, company.Id, expected: null, Ct);
        var other = await ServiceRequestStream.LoadAsync(second, company.Id, expected: null, Ct);
        one.CurrentVersion.ShouldBe(company.Version);
        other.CurrentVersion.ShouldBe(company.Version);

        one.AppendOne(Escalated(company, "first"));
        other.AppendOne(Escalated(company, "second"));
        await first.SaveChangesAsync(Ct);
        await RefusedAsVersionConflictAsync(second);

        var (row, fold, version) = await RowAndFoldAsync(company.Id);
        version.ShouldBe(company.Version + 1);
        row.ShouldBe(fold);
        await using var query = app.Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(company.Id, token: Ct);
        events.OfType<JasperFx.Events.IEvent<RequestEscalated>>().Select(e => e.Data.Reason).ShouldBe(["first"]);
    }

    [Fact]
    public async Task A_handle_that_enforces_consistency_is_refused_at_commit_even_with_nothing_appended()
    {
        var company = await ProposedAsync();
        await using var reader = app.Store.LightweightSession();
        await using var writer = app.Store.LightweightSession();
        var checking = await ServiceRequestStream.LoadAsync(reader, company.Id, expected: null, Ct);
        checking.AlwaysEnforceConsistency = true;
        var appending = await ServiceRequestStream.LoadAsync(writer, company.Id, expected: null, Ct);
        appending.AppendOne(Escalated(company, "meanwhile"));
        await writer.SaveChangesAsync(Ct);

        await RefusedAsVersionConflictAsync(reader);
    }

    /// <summary>An event any state accepts, appended below the domain's rules: these tests are about the stream's version.</summary>
    private static RequestEscalated Escalated(Journey company, string reason) =>
        new(company.Id, "MNE", reason, new Actor("sup-wm-" + company.Id, Roles.Supervisor, "MNE"), DateTimeOffset.UtcNow);

    /// <summary>The commit fails with Marten's version conflict (the API's 409).</summary>
    private async Task RefusedAsVersionConflictAsync(IDocumentSession session)
    {
        var refused = await Should.ThrowAsync<Exception>(() => session.SaveChangesAsync(Ct));
        (refused is JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException).ShouldBeTrue(refused.ToString());
    }
}
