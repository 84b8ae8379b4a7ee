namespace MyGovernment.Simulator;

/// <summary>
/// The simulator appends planted violations, moves the business clock and edits the event log on purpose: it must
/// never touch a real office's data, so it runs only in Development or Testing.
/// </summary>
public static class SimulationGuard
{
    public static bool Allows(string environment) =>
        string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase)
        || string.Equals(environment, "Testing", StringComparison.OrdinalIgnoreCase);

    public static void EnsureAllowed(string environment)
    {
        if (!Allows(environment))
        {
            throw new InvalidOperationException(Refusal(environment));
        }
    }

    public static string Refusal(string environment) =>
        $"The simulator refuses to run in the '{environment}' environment: it plants events and edits the log, so it runs only in Development or Testing.";
}
