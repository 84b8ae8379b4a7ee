namespace MyGovernment.Api.Hosting;

/// <summary>
/// Command-line cases the JasperFx command line would handle surprisingly. A command given together with
/// <c>--urls</c> (e.g. <c>-- --urls http://127.0.0.1:6100 simulate</c>) would silently start the server instead of
/// the command: it is refused with an explanation of how commands choose their port. <c>help</c> is recognised so the
/// host can skip starting a database for it.
/// </summary>
public static class CommandLineGuard
{
    public const string PortExplanation =
        "Commands do not take --urls. `projections`, `verify`, `reconcile`, `db-apply` and the other maintenance commands "
        + "listen on no port. `simulate` hosts the API on the URL from configuration: the `urls` setting or "
        + "ASPNETCORE_URLS (e.g. ASPNETCORE_URLS=http://127.0.0.1:6100 dotnet run --project src/Api -- simulate), "
        + "otherwise the launch profile's http://localhost:5170. --urls is for starting the server alone: "
        + "dotnet run --project src/Api -- --urls http://127.0.0.1:6100";

    /// <summary>The exit code to stop with and the message to print, or null to go on.</summary>
    public static (int ExitCode, string Message)? Check(IReadOnlyList<string> args) =>
        HasUrls(args) && CommandOf(args) is { } command && command != "run"
            ? (2, $"'{command}' was given with --urls. {PortExplanation}")
            : null;

    /// <summary>A command other than running the server: its console output goes through <see cref="CommandDiscoveryNoiseFilter"/>.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) => CommandOf(args) is { } command && command != "run";

    public static bool IsHelp(IReadOnlyList<string> args) => args.Count > 0 && args[0] is "help" or "?" or "-h" or "--help" or "-?";

    private static bool HasUrls(IReadOnlyList<string> args) =>
        args.Any(a => a.Equals("--urls", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--urls=", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first word that is neither an option nor an option's value: the command JasperFx would run.</summary>
    private static string? CommandOf(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                return args[i];
            }
            // "--urls http://…", "--environment Development": the next word is this option's value.
            if (!args[i].Contains('=', StringComparison.Ordinal) && args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
            }
        }
        return null;
    }
}
