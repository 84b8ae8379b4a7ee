using System.Runtime.CompilerServices;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>
/// <see cref="ServiceRequest.StatusChangingEvents"/> is what the webhooks subscriber asks the event store for: an event
/// that changes a request's status but is missing from it would never reach a client app. Every other type of this
/// namespace, folded onto a request in every status, must leave the status as it was.
/// </summary>
public sealed class StatusChangingEventsTests
{
    public static TheoryData<string> OtherTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(ServiceRequest).Assembly.GetTypes()
                     .Where(t => t.Namespace == typeof(ServiceRequest).Namespace && t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                                 && !t.IsDefined(typeof(CompilerGeneratedAttribute), false) && !t.IsNested && t != typeof(ServiceRequest)
                                 && !ServiceRequest.StatusChangingEvents.Contains(t)))
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    [Fact]
    public void The_namespace_has_events_outside_the_list_to_check()
    {
        // Guards the theory below against a filter that finds nothing (it would then check nothing).
        OtherTypes().Select(row => row.Data).ShouldContain(typeof(RequestAssigned).FullName!);
        OtherTypes().Select(row => row.Data).ShouldContain(typeof(SlaClockStarted).FullName!);
    }

    [Theory]
    [MemberData(nameof(OtherTypes))]
    public void Folding_any_other_type_leaves_the_status(string typeName)
    {
        var type = typeof(ServiceRequest).Assembly.GetType(typeName)!;
        // Every field set to a placeholder: no other event's effect on the status may depend on what it carries.
        var @event = Sample(type, depth: 0)!;
        foreach (var status in Enum.GetValues<ServiceRequestStatus>())
        {
            var before = Request(status);
            ServiceRequest.Evolve(before, @event)!.Status.ShouldBe(status, $"{type.Name} folded onto a request in {status}");
        }
    }

    [Fact]
    public void Listed_types_change_the_status_of_some_request()
    {
        // The theory above cannot fail for a type that is in the list; these show the fold it relies on does change a status.
        foreach (var type in new[] { typeof(StepEntered), typeof(RequestApproved), typeof(RequestWithdrawn) })
        {
            var @event = RuntimeHelpers.GetUninitializedObject(type);
            ServiceRequest.StatusChangingEvents.ShouldContain(type);
            Enum.GetValues<ServiceRequestStatus>().ShouldContain(status => ServiceRequest.Evolve(Request(status), @event)!.Status != status);
        }
    }

    /// <summary>An instance with every field filled (text "x", empty collections, nested records likewise), no constructor run.</summary>
    private static object? Sample(Type type, int depth)
    {
        if (type == typeof(string))
        {
            return "x";
        }
        if (type.IsValueType)
        {
            return type == typeof(Guid) ? Guid.Parse("0190a000-0000-7000-8000-0000000000c2") : Activator.CreateInstance(type);
        }
        if (type.IsArray)
        {
            return Array.CreateInstance(type.GetElementType()!, 0);
        }
        if (type.IsInterface && type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            return type.GetGenericTypeDefinition() switch
            {
                var d when d == typeof(IReadOnlySet<>) => Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(arguments)),
                var d when d == typeof(IReadOnlyDictionary<,>) => Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments)),
                _ => Array.CreateInstance(arguments[0], 0),
            };
        }
        if (depth > 3 || type.IsAbstract || type.IsInterface)
        {
            return null;
        }
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var field in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
        {
            field.SetValue(instance, Sample(field.FieldType, depth + 1));
        }
        return instance;
    }

    private static ServiceRequest Request(ServiceRequestStatus status) => new(
        Guid.Parse("0190a000-0000-7000-8000-0000000000c1"), "BUILDING_PERMIT", "400000001", new Actor("400000001", "citizen"),
        SubmissionChannel.Online, status, RequestFlags.None, false, null, null, ["MOL"], false, 10);
}
