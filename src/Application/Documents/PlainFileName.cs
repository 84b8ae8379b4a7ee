namespace MyGovernment.Application.Documents;

/// <summary>
/// A file name a citizen gives a document, as officers will see and save it: no path, no control characters (a CR or
/// LF would reach the Content-Disposition header), and no bidirectional embedding, override or isolate characters
/// (U+202A–U+202E, U+2066–U+2069), with which "invoice\u202Efdp.exe" displays as "invoiceexe.pdf" but saves as an .exe.
/// </summary>
public static class PlainFileName
{
    public const string Message = "'File Name' must be a plain file name: no path, no control characters and no bidirectional override characters.";

    public static bool IsPlain(string? name) => name is null || !name.Any(IsRefused);

    /// <summary>The name with every refused character replaced by '_': for names stored before the rule was enforced.</summary>
    public static string Sanitize(string name) => IsPlain(name) ? name : string.Concat(name.Select(c => IsRefused(c) ? '_' : c));

    private static bool IsRefused(char c) => char.IsControl(c) || c is '/' or '\\' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
