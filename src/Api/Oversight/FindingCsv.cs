using System.Globalization;
using System.Text;
using CsvHelper;
using MyGovernment.Domain.Oversight;

namespace MyGovernment.Api.Oversight;

/// <summary>Findings as RFC 4180 CSV (CsvHelper): one row per finding, evidence as "stream:seq:version:type" joined by spaces.</summary>
public static class FindingCsv
{
    public static readonly string[] Header = ["report", "rule", "at", "officer", "department", "service", "request_id", "summary", "evidence"];

    public static byte[] Write(IEnumerable<Finding> findings)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // Opened in a spreadsheet by oversight staff: text that looks like a formula is escaped, never evaluated.
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var f in findings)
            {
                csv.WriteRecord(
                [
                    f.Report, f.Rule, f.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), f.Officer ?? "",
                    f.Department ?? "", f.Service ?? "", f.RequestId?.ToString() ?? "", f.Summary,
                    string.Join(' ', f.Evidence.Select(e => $"{e.StreamId}:{e.Sequence}:{e.Version}:{e.EventType}")),
                ]);
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
