using System.Collections;
using System.Reflection;
using MyGovernment.Application.Privacy;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;
using Shouldly;

namespace MyGovernment.Application.Tests.Privacy;

/// <summary>
/// Wolverine logs a failed command with its ToString(). Every command and message of the Application assembly is
/// built here with personal data in every string (national IDs, form values, notes) and must print none of it.
/// </summary>
public sealed class LogSafeMessageTests
{
    private const string NationalIdValue = "401234567";
    private const string Personal = "PERSONAL-DATA";

    /// <summary>Every message Wolverine handles (and so may log): the first parameter of each handler's Handle method.</summary>
    public static TheoryData<Type> Messages { get; } = [.. typeof(SubmitServiceRequest).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        .Where(m => m.Name is "Handle" or "HandleAsync" && m.GetParameters().Length > 0)
        .Select(m => m.GetParameters()[0].ParameterType)
        .Where(t => t.Assembly == typeof(SubmitServiceRequest).Assembly)
        .Distinct()];

    [Fact]
    public void The_assembly_has_messages_to_check() => Messages.Count.ShouldBeGreaterThan(20);

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_prints_no_personal_data(Type type)
    {
        type.IsSubclassOf(typeof(LogSafeMessage)).ShouldBeTrue($"{type.Name} must derive from LogSafeMessage");
        var text = Build(type, "")!.ToString()!;

        text.ShouldNotContain(NationalIdValue);
        text.ShouldNotContain(Personal);
        text.ShouldStartWith(type.Name);
    }

    [Fact]
    public void An_actor_prints_subject_role_and_department_but_not_the_national_id()
    {
        var text = new Actor("officer-7", "officer", "MOLG", NationalIdValue).ToString();
        text.ShouldContain("officer-7");
        text.ShouldContain("MOLG");
        text.ShouldNotContain(NationalIdValue);
    }

    /// <summary>A sample value: strings are personal data unless the member is marked as a code, actors carry a national ID.</summary>
    private static object? Build(Type type, string member, bool notPersonal = false)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return notPersonal ? "CODE-1" : member.Contains("National", StringComparison.Ordinal) || member == "ApplicantId" ? NationalIdValue : Personal + "-" + member;
        }
        if (underlying == typeof(Actor))
        {
            return new Actor("subject-1", "officer", "MOLG", NationalIdValue);
        }
        if (underlying == typeof(Money)) return Money.Ils(1m);
        if (underlying == typeof(Guid)) return Guid.NewGuid();
        if (underlying == typeof(DateOnly)) return new DateOnly(2026, 1, 1);
        if (underlying == typeof(DateTimeOffset)) return DateTimeOffset.UnixEpoch;
        if (underlying == typeof(decimal)) return 1m;
        if (underlying.IsEnum) return Enum.GetValues(underlying).GetValue(0);
        if (underlying.IsPrimitive) return Convert.ChangeType(1, underlying, System.Globalization.CultureInfo.InvariantCulture);
        if (underlying.IsArray)
        {
            // A document's content (UploadDocument): arrays are never printed.
            var array = Array.CreateInstance(underlying.GetElementType()!, 1);
            array.SetValue(Build(underlying.GetElementType()!, member), 0);
            return array;
        }
        if (underlying.IsGenericType && typeof(IEnumerable).IsAssignableFrom(underlying))
        {
            var arguments = underlying.GetGenericArguments();
            if (arguments.Length == 2)
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                dictionary.Add(Build(arguments[0], member)!, Build(arguments[1], member));
                return dictionary;
            }
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments))!;
            list.Add(Build(arguments[0], member));
            return list;
        }
        var constructor = underlying.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Build(
            p.ParameterType, p.Name!, underlying.GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance)?.IsDefined(typeof(NotPersonalAttribute)) == true))]);
    }
}
