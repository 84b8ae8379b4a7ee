namespace MyGovernment.Api.Hosting;

/// <summary>
/// File arguments of our commands (<c>--file receipt.json</c>) mean a file where the caller typed them.
/// <c>dotnet run --project src/Api</c> starts the program in the project's folder, not the caller's; the shell's
/// <c>PWD</c>, which it passes on, still names the caller's folder, so relative paths resolve against that.
/// </summary>
public static class CallerPath
{
    public static string CallerDirectory =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Path.IsPathFullyQualified(pwd) && Directory.Exists(pwd)
            ? pwd
            : Environment.CurrentDirectory;

    public static string Resolve(string path) => Path.IsPathFullyQualified(path) ? path : Path.GetFullPath(path, CallerDirectory);
}
