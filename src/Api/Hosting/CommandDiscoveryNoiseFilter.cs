using System.Text;
using System.Text.RegularExpressions;

namespace MyGovernment.Api.Hosting;

/// <summary>
/// The JasperFx command line reports each assembly it searches ("Searching 'Marten, Version=…' for commands"),
/// wrapped over several lines, before it runs a command; <c>projections rebuild</c> adds "Press CTRL + C to quit"
/// (it ends by itself), an internal "Cannot override services…" notice, and console markup or colour codes when its
/// output is not a terminal. This console writer, installed for commands (never for the server), drops those and
/// passes everything else through, line by line.
/// </summary>
public sealed partial class CommandDiscoveryNoiseFilter(TextWriter inner) : TextWriter
{
    private static readonly string[] NoiseLines = ["Press CTRL + C to quit", "Cannot override services when the IHost is already constructed"];

    private readonly StringBuilder _line = new();
    private readonly StringBuilder _report = new();
    private bool _inReport;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            EndLine();
            return;
        }
        _line.Append(value);
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0 && !_inReport && !_line.ToString().StartsWith("Searching '", StringComparison.Ordinal))
        {
            inner.Write(_line.ToString());
            _line.Clear();
        }
        inner.Flush();
    }

    private void EndLine()
    {
        var line = _line.ToString().TrimEnd('\r');
        _line.Clear();
        if (line.StartsWith("Searching '", StringComparison.Ordinal))
        {
            _inReport = true;
            _report.Clear();
        }
        if (_inReport)
        {
            // A report ends with "for commands", however the console wrapped it (even between those two words).
            _report.Append(line.TrimEnd()).Append(' ');
            _inReport = !_report.ToString().TrimEnd().EndsWith("for commands", StringComparison.Ordinal);
            return;
        }
        if (NoiseLines.Contains(line.Trim(), StringComparer.Ordinal))
        {
            return;
        }
        inner.Write(Markup().Replace(line, ""));
        inner.Write('\n');
    }

    /// <summary>ANSI colour codes and Spectre.Console markup tags such as [green], [bold red] and [/].</summary>
    [GeneratedRegex(@"\x1b\[[0-9;]*m|\[/\]|\[(?:(?:bold|dim|italic|underline|red|green|yellow|blue|grey|gray|white|cyan|magenta|aqua|lime|orange1|purple)\s?)+\]")]
    private static partial Regex Markup();
}
