namespace MyGovernment.Integrity;

/// <summary>The sealer refused to sign (another key, a witness's refusal); the alarm says why.</summary>
public sealed class IntegrityRefusedException(string message) : Exception(message);
