using JasperFx.CommandLine;

namespace MyGovernment.Simulator;

/// <summary>
/// The entry point. Not top-level statements: those would declare a second global <c>Program</c>, hiding the API's,
/// whose host this tool boots.
/// </summary>
public static class SimulatorEntry
{
    /// <summary>One command, the simulation; its environment check comes before the API's host or database is touched.</summary>
    public static Task<int> Main(string[] args) => CommandExecutor.ExecuteCommandAsync<SimulateCommand>(args);
}
