using System.Reflection;
using System.Text;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Privacy;

/// <summary>A string member that is a code or pseudonymous identifier, never personal data, so logs may show it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotPersonalAttribute : Attribute;

/// <summary>
/// Base of every command and message. Wolverine logs a failed invocation with the message's ToString(), and a
/// record's generated ToString prints every member: national IDs, form values, free-text notes. This one prints
/// only ids, numbers, dates, enums, the actor (without national ID) and strings marked <see cref="NotPersonalAttribute"/>.
/// </summary>
public abstract record LogSafeMessage
{
    public sealed override string ToString()
    {
        var text = new StringBuilder(GetType().Name).Append(" { ");
        var first = true;
        foreach (var property in GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract" || !Printable(property))
            {
                continue;
            }
            text.Append(first ? "" : ", ").Append(property.Name).Append(" = ").Append(property.GetValue(this));
            first = false;
        }
        return text.Append(" }").ToString();
    }

    private static bool Printable(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type.IsPrimitive || type.IsEnum
            || type == typeof(Guid) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTimeOffset)
            || type == typeof(ExpectedVersion) || type == typeof(Money) || type == typeof(Actor)
            || (type == typeof(string) && property.IsDefined(typeof(NotPersonalAttribute)));
    }
}
