using System.Reflection;
using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;

namespace MyGovernment.Application.Tests.ServiceRequests;

/// <summary>
/// Marten's FetchForWriting reads the stream's version and its events in two statements (of one batch, each with its
/// own snapshot): a command committed between them leaves a folded state one event newer than the version Marten will append at. The race is too narrow to hit
/// on purpose over HTTP, so the session here hands back exactly that stream: it must be refused as a lost race (409),
/// never decided on (a rule refusal on the newer state, 422), whatever version the caller quoted.
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

    private static IDocumentSession RacedSession(long foldedVersion = MartenVersion + 1)
    {
        var state = ((ServiceRequest)RuntimeHelpers.GetUninitializedObject(typeof(ServiceRequest))) with { Version = foldedVersion };
        var stream = Fake<IEventStream<ServiceRequest>>.Answering(method => method.Name switch
        {
            "get_Aggregate" => state,
            "get_CurrentVersion" => (long?)MartenVersion,
            "get_StartingVersion" => (long?)MartenVersion,
            _ => null,
        });
        // The command reads the stream and its read-model rows in one batch; the rows play no part in the version check.
        var events = Fake<IBatchEvents>.Answering(method => method.Name == "FetchForWriting"
            ? Task.FromResult(stream)
            : throw new NotSupportedException(method.Name));
        var batch = Fake<IBatchedQuery>.Answering(method => method.Name switch
        {
            "get_Events" => events,
            "Load" => Completed(method),
            "Execute" => Task.CompletedTask,
            _ => throw new NotSupportedException(method.Name),
        });
        return Fake<IDocumentSession>.Answering(method => method.Name switch
        {
            "CreateBatchQuery" => batch,
            "UseIdentityMapFor" => null,
            _ => throw new NotSupportedException(method.Name),
        });
    }

    /// <summary>A finished task of the method's own result type, holding no value (a row that is not there).</summary>
    private static object? Completed(MethodInfo method) =>
        typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(null, [null]);

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
