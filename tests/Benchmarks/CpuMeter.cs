using System.Diagnostics;
using System.Globalization;

namespace MyGovernment.Benchmarks;

/// <summary>
/// CPU time spent during a measurement by the application under test (this process for the bare scenarios, the API
/// process for HTTP) and by the PostgreSQL cluster (postmaster and its backends, from /proc on Linux). Throughput
/// moves with whatever else runs on a shared machine; CPU per operation hardly does, so it is what compares runs.
/// </summary>
public sealed class CpuMeter(string pgDataDirectory)
{
    public readonly record struct Reading(TimeSpan App, TimeSpan Db);

    public Reading Take(Process app)
    {
        app.Refresh();
        return new Reading(app.TotalProcessorTime, PostgresCpu());
    }

    private TimeSpan PostgresCpu()
    {
        var pidFile = Path.Combine(pgDataDirectory, "data", "postmaster.pid");
        if (!OperatingSystem.IsLinux() || !File.Exists(pidFile)
            || !int.TryParse(File.ReadLines(pidFile).First(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var postmaster))
        {
            return TimeSpan.Zero;
        }
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                // Fields after the parenthesised command name: state ppid ... utime(14) stime(15).
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ppid = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == postmaster || ppid == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
                if (pid == postmaster)
                {
                    // cutime(16) cstime(17): backends that ended and were reaped by the postmaster. Without them a
                    // connection closed during a measurement took its CPU with it (a negative database CPU per operation).
                    ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended between listing and reading.
            }
        }
        // USER_HZ is 100 on Linux.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
