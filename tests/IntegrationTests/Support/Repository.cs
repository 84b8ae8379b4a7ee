namespace MyGovernment.IntegrationTests.Support;

/// <summary>Files of the repository the tests read (the README, the docs).</summary>
public static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MyGovernment.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("MyGovernment.sln not found above " + AppContext.BaseDirectory);
    }
}
