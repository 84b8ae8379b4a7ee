namespace MyGovernment.Domain.Oversight;

/// <summary>What a report is: its DESIGN §8 number, its URL name, a title, its written definition and the rules it can fire.</summary>
public sealed record ReportDescriptor(int Number, string Name, string Title, string Definition, IReadOnlyList<string> Rules);

/// <summary>
/// An integrity report over events: a pure function from the loaded events, the thresholds and the scope to
/// findings. The scope's department, service, officer and period are applied to the findings by the caller; a
/// report uses the scope itself only where it defines a population (outliers) or an instant (stalls).
/// </summary>
public interface IOversightReport
{
    ReportDescriptor Descriptor { get; }

    IEnumerable<Finding> Find(OversightData data, OversightSettings settings, ReportScope scope);
}
