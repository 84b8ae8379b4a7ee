namespace MyGovernment.Web.Pages.Audit;

/// <summary>What the replay form shows back: the version or time last asked for.</summary>
public sealed record ReplayForm(long? Version, string? At);
