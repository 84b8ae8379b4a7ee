namespace MyGovernment.Application.Payments;

/// <summary>Section "Payments": how long a checkout may stay open and when unresolved payments are asked about again.</summary>
public sealed class PaymentsOptions
{
    /// <summary>How long the citizen has to pay once a session is opened (also asked of the provider).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A payment Started, Authorised or StatusUnknown for longer than this is re-queried at the provider.</summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the recurring job looks for such payments.</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
