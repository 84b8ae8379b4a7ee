using System.Reflection;
using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using MyGovernment.Projections.ServiceRequests;
using Shouldly;

namespace MyGovernment.Application.Tests.ServiceRequests;

/// <summary>
/// A command opens its request from the request's row when the row carries the write model at its own version (one
/// statement); otherwise (no row, or a row written before rows carried it) from Marten's FetchForWriting, which reads
/// the stream's version and its events in two statements (of one batch, each with its own snapshot): a command
/// committed between them leaves a folded state one event newer than the version Marten will append at. The race is
/// too narrow to hit on purpose over HTTP, so the session here hands back exactly that stream: it must be refused as a
/// lost race (409), never decided on (a rule refusal on the newer state, 422), whatever version the caller quoted.
/// </summary>
public sealed class LostRaceTests
{
    private const long MartenVersion = 4;

    [Fact]
    public async Task A_state_newer_than_the_streams_version_is_a_lost_race_even_without_an_expected_version()
    {
        var stale = await Should.ThrowAsync<StaleVersionException>(() =>
            ServiceRequestStream.LoadAsync(RacedSession(), Guid.NewGuid(), expected: null, CancellationToken.None));

        stale.Actual.ShouldBe(MartenVersion + 1);
        stale.Expected.IsPrecondition.ShouldBeFalse();
    }

    [Fact]
    public async Task A_caller_who_quoted_the_version_marten_read_still_loses_the_race()
    {
        // The client saw version 4, Marten's first statement read 4, but the events folded are 5: deciding on them
        // would answer the client with a rule about a state it never saw.
        var stale = await Should.ThrowAsync<StaleVersionException>(() =>
            ServiceRequestStream.LoadAsync(RacedSession(), Guid.NewGuid(), new ExpectedVersion(MartenVersion, IsPrecondition: false), CancellationToken.None));

        stale.Actual.ShouldBe(MartenVersion + 1);
    }

    [Fact]
    public async Task A_state_that_matches_the_streams_version_and_the_callers_is_loaded()
    {
        var stream = await ServiceRequestStream.LoadAsync(RacedSession(foldedVersion: MartenVersion), Guid.NewGuid(),
            new ExpectedVersion(MartenVersion, IsPrecondition: false), CancellationToken.None);

        stream.Aggregate!.Version.ShouldBe(MartenVersion);
    }

    [Fact]
    public async Task A_row_holding_the_write_model_at_its_version_is_opened_without_reading_the_stream()
    {
        var row = new ServiceRequestDetails { Version = MartenVersion, WriteModel = State(MartenVersion) };

        var stream = await ServiceRequestStream.LoadAsync(RacedSession(row: row, streamReadable: false), Guid.NewGuid(),
            new ExpectedVersion(MartenVersion, IsPrecondition: false), CancellationToken.None);

        stream.Aggregate.ShouldBeSameAs(row.WriteModel);
        stream.CurrentVersion.ShouldBe(MartenVersion);
    }

    [Fact]
    public async Task A_row_whose_write_model_is_not_at_the_rows_version_is_not_trusted()
    {
        var behind = State(MartenVersion - 1);
        var row = new ServiceRequestDetails { Version = MartenVersion, WriteModel = behind };

        var stream = await ServiceRequestStream.LoadAsync(RacedSession(foldedVersion: MartenVersion, row: row), Guid.NewGuid(),
            new ExpectedVersion(MartenVersion, IsPrecondition: false), CancellationToken.None);

        ReferenceEquals(stream.Aggregate, behind).ShouldBeFalse();
        stream.Aggregate!.Version.ShouldBe(MartenVersion);
        row.WriteModel.ShouldBeSameAs(stream.Aggregate, "the row is upgraded with the fold it was found without");
    }

    private static ServiceRequest State(long version) =>
        new(Guid.Empty, "", "", null!, default, default, default, false, null, null, [], false, 0, Version: version);

    /// <param name="row">The request's row as the batch reads it (none by default: the stream is read).</param>
    /// <param name="streamReadable">False: reading the stream fails the test (the row must be enough).</param>
    private static IDocumentSession RacedSession(long foldedVersion = MartenVersion + 1, ServiceRequestDetails? row = null, bool streamReadable = true)
    {
        var state = State(foldedVersion);
        var stream = Fake<IEventStream<ServiceRequest>>.Answering(method => method.Name switch
        {
            "get_Aggregate" => state,
            "get_CurrentVersion" => (long?)MartenVersion,
            "get_StartingVersion" => (long?)MartenVersion,
            _ => null,
        });
        Func<MethodInfo, object?> events = method => method.Name == "FetchForWriting" && streamReadable
            ? Task.FromResult(stream)
            : throw new NotSupportedException(method.Name);
        var batch = Fake<IBatchedQuery>.Answering(method => method.Name switch
        {
            "Load" => Task.FromResult(row),
            "Execute" => Task.CompletedTask,
            _ => throw new NotSupportedException(method.Name),
        });
        return Fake<IDocumentSession>.Answering(method => method.Name switch
        {
            "CreateBatchQuery" => batch,
            "UseIdentityMapFor" => null,
            // The session's event store, whatever interface Marten declares it as.
            "get_Events" => typeof(Fake<>).MakeGenericType(method.ReturnType).GetMethod(nameof(Fake<object>.Answering))!.Invoke(null, [events]),
            _ => throw new NotSupportedException(method.Name),
        });
    }

    /// <summary>An interface answered by one function: just enough of Marten's session for the stream loading code.</summary>
    public class Fake<T> : DispatchProxy where T : class
    {
        private Func<MethodInfo, object?> _answer = _ => null;

        public static T Answering(Func<MethodInfo, object?> answer)
        {
            var proxy = Create<T, Fake<T>>();
            ((Fake<T>)(object)proxy)._answer = answer;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _answer(targetMethod!);
    }
}
