using System.Text;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>
/// One curl command of a documentation walk-through, read as a shell would split it (quotes, line continuations),
/// so the README's own text is what the test sends.
/// </summary>
public sealed record ShellCurl(string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, string? Body)
{
    /// <summary>The curl commands of the first ```bash block after <paramref name="heading"/> in a Markdown text.</summary>
    public static IReadOnlyList<ShellCurl> InBlockAfter(string markdown, string heading)
    {
        var start = markdown.IndexOf("```bash", markdown.IndexOf(heading, StringComparison.Ordinal), StringComparison.Ordinal);
        var end = markdown.IndexOf("```", start + 7, StringComparison.Ordinal);
        var block = markdown[(start + 7)..end].Replace("\\\n", " ", StringComparison.Ordinal);
        return block.Split('\n')
            .Where(line => line.Contains("curl ", StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'))
            .Select(line => Parse(line[line.IndexOf("curl ", StringComparison.Ordinal)..].Split(" | ")[0]))
            .ToList();
    }

    private static ShellCurl Parse(string command)
    {
        var words = Words(command);
        var method = "GET";
        string? url = null, body = null;
        var headers = new List<(string, string)>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-X": method = words[++i]; break;
                case "-H":
                    var header = words[++i];
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-d": body = words[++i]; method = method == "GET" ? "POST" : method; break;
                case var flag when flag.StartsWith('-'): break;
                default: url = words[i]; break;
            }
        }
        return new ShellCurl(method, url ?? throw new FormatException("No URL in: " + command), headers, body);
    }

    /// <summary>Splits on spaces outside quotes and drops the quotes; $( … ) stays one word.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var depth = 0;
        foreach (var c in command)
        {
            if (quote is null && c is '\'' or '"') { quote = c; continue; }
            if (quote == c) { quote = null; continue; }
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (quote is null && depth == 0 && char.IsWhiteSpace(c))
            {
                if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
