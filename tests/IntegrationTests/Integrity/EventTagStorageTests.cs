using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Integrity;
using Shouldly;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// Issue 16: the application's tag rides in each event's own headers (one insert, no tag row), events tagged in
/// integrity_event_tags before that release are still sealed, and a tag removed from its event or copied from
/// another halts sealing as an untagged row does.
/// </summary>
public sealed class EventTagStorageTests(TamperHost host) : IClassFixture<TamperHost>
{
    private const string Events = "mygov.mt_events";

    [Fact]
    public async Task The_tag_rides_in_the_events_own_headers_and_no_tag_row_is_written()
    {
        var (seqs, ids) = await host.AppendAsync(2);
        var inList = string.Join(", ", ids.Select(id => $"'{id}'"));

        (await host.SqlAsync<long>($"select count(*) from {Events} where id in ({inList}) and length(decode(headers->>'{EventTag.Header}', 'base64')) = 32"))
            .ShouldBe(2, "each event carries its 32-byte tag in its headers");
        (await host.SqlAsync<long>($"select count(*) from mygov.{IntegritySchema.EventTags} where event_id in ({inList})"))
            .ShouldBe(0, "no row of its own");

        await host.CheckpointAsync();
        (await host.SqlAsync<long>("select max(seq_id) from mygov.integrity_leaves")).ShouldBe(seqs[^1]);
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task An_event_tagged_in_the_table_before_the_upgrade_is_still_sealed()
    {
        var (seqs, ids) = await host.AppendAsync(1);
        // The event as the release before this one stored it: the tag in the table, none in the headers.
        await host.SqlAsync(
            $"""
            insert into mygov.{IntegritySchema.EventTags} (event_id, tag) select id, decode(headers->>'{EventTag.Header}', 'base64') from {Events} where id = '{ids[0]}';
            update {Events} set headers = headers - '{EventTag.Header}' where id = '{ids[0]}';
            """);
        (await host.SqlAsync<bool>($"select headers ? '{EventTag.Header}' from {Events} where id = '{ids[0]}'")).ShouldBeFalse();

        await host.CheckpointAsync();

        (await host.SqlAsync<long>("select max(seq_id) from mygov.integrity_leaves")).ShouldBe(seqs[0]);
        host.Host.Services.GetRequiredService<IntegrityAlarm>().Raised.ShouldBeEmpty();
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task A_tag_removed_from_its_event_or_copied_from_another_halts_sealing()
    {
        var (sealedSeqs, sealedIds) = await host.SealedAsync(1);
        var (seqs, ids) = await host.AppendAsync(1);
        var own = await host.SqlAsync<string>($"select headers->>'{EventTag.Header}' from {Events} where id = '{ids[0]}'");
        var other = await host.SqlAsync<string>($"select headers->>'{EventTag.Header}' from {Events} where id = '{sealedIds[0]}'");
        try
        {
            foreach (var tamper in new[] { $"headers - '{EventTag.Header}'", $"jsonb_set(headers, '{{{EventTag.Header}}}', '\"{other}\"')" })
            {
                await host.SqlAsync($"update {Events} set headers = {tamper} where id = '{ids[0]}'");

                await host.CheckpointAsync();

                (await host.SqlAsync<long>("select max(seq_id) from mygov.integrity_leaves")).ShouldBe(sealedSeqs[0], tamper);
                host.Host.Services.GetRequiredService<IntegrityAlarm>().Raised[IntegrityAlarm.UnauthenticatedEvent]
                    .ShouldContain($"event seq {seqs[0]} (id {ids[0]}");
                (await host.VerifyAsync()).Findings.ShouldHaveSingleItem().Kind.ShouldBe("unauthenticated", tamper);
            }
        }
        finally
        {
            await host.SqlAsync($"update {Events} set headers = jsonb_set(headers, '{{{EventTag.Header}}}', '\"{own}\"') where id = '{ids[0]}'");
        }

        await host.CheckpointAsync();
        (await host.SqlAsync<long>("select max(seq_id) from mygov.integrity_leaves")).ShouldBe(seqs[0], "its own tag back, the event is sealed");
        host.Host.Services.GetRequiredService<IntegrityAlarm>().Raised.ShouldBeEmpty();
        (await host.VerifyAsync()).Ok.ShouldBeTrue();
    }
}
