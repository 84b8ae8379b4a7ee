using System.Text.Json;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>
/// Given a history (folded with the pure <see cref="ServiceRequest.Evolve"/>), when a decision runs, then these
/// events, or this refusal. Events are compared by type and serialized shape, because records holding lists
/// compare those lists by reference.
/// </summary>
public static class GivenWhenThen
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static ServiceRequest Given(params object[] events) =>
        Fold(events) ?? throw new InvalidOperationException("A history starts with ServiceRequestSubmitted.");

    public static ServiceRequest? Fold(IEnumerable<object> events) => events.Aggregate((ServiceRequest?)null, ServiceRequest.Evolve);

    /// <summary>The state after the history and the decision's events.</summary>
    public static ServiceRequest After(this IEnumerable<object> history, IEnumerable<object> events) => Given([.. history, .. events]);

    public static void Then(this IReadOnlyList<object> actual, params object[] expected) =>
        Describe(actual).ShouldBe(Describe(expected));

    public static void ThenNothing(this IReadOnlyList<object> actual) => actual.ShouldBeEmpty();

    /// <summary>The decision refuses with this rule code and, being pure, produces nothing.</summary>
    public static DomainException ThenRefused(Func<IReadOnlyList<object>> when, string code)
    {
        var error = Should.Throw<DomainException>(when);
        error.Code.ShouldBe(code);
        return error;
    }

    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Json);

    private static List<string> Describe(IEnumerable<object> events) => [.. events.Select(e => $"{e.GetType().Name} {Serialize(e)}")];
}
