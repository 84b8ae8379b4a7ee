using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using FluentValidation;
using FluentValidation.Results;
using MyGovernment.Domain.Common;
using MyGovernment.Domain.Reconciliation;

namespace MyGovernment.Application.Reconciliation;

/// <summary>One row of the provider's settlement file, in its own column names.</summary>
[CsvRecord]
public sealed partial record SettlementStatementRow(
    string SessionId, string MerchantReference, decimal Amount, string Currency, DateTimeOffset CapturedAt, decimal Fee, decimal Net);

/// <summary>A settlement file read into statement lines, with the SHA-256 of its exact bytes.</summary>
public sealed record ParsedStatement(string Sha256, IReadOnlyList<StatementLine> Lines);

/// <summary>
/// Reads a provider's settlement file (CSV with a header row; columns in any order). A file that cannot be read is a
/// 400 naming the record; values are kept out of the messages, since they end up in logs.
/// </summary>
public static class SettlementStatementCsv
{
    public static readonly string[] Columns = ["SessionId", "MerchantReference", "Amount", "Currency", "CapturedAt", "Fee", "Net"];

    public static ParsedStatement Parse(byte[] utf8)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(utf8));
        using var reader = CsvReader.Create(utf8, new CsvReaderOptions
        {
            Separator = ',',
            FormatProvider = CultureInfo.InvariantCulture,
            IncludeValuesInExceptions = false,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            MaxRecordSize = 64 * 1024,
        });
        var lines = new List<StatementLine>();
        try
        {
            var missing = Columns.Where(c => !reader.Headers.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                throw Invalid($"The statement lacks the column(s) {string.Join(", ", missing)}; expected a header row with {string.Join(",", Columns)}.");
            }
            foreach (var row in reader.GetRecords<SettlementStatementRow>())
            {
                if (lines.Count == ReconcileSettlementStatement.MaxLines)
                {
                    throw Invalid($"A statement may have at most {ReconcileSettlementStatement.MaxLines} lines.");
                }
                lines.Add(new StatementLine(
                    lines.Count + 1, row.SessionId.Trim(), row.MerchantReference.Trim(), new Money(row.Amount, row.Currency.Trim().ToUpperInvariant()),
                    row.CapturedAt, row.Fee, row.Net));
            }
        }
        catch (CsvFormatException e)
        {
            var where = e.RecordNumber > 0 ? $"record {e.RecordNumber}" : "the file";
            var what = e.Member is null ? "is malformed" : $"has an unreadable {e.Member.Split('.').Last()}";
            throw Invalid($"The statement could not be read: {where} {what}.");
        }
        return new ParsedStatement(sha256, lines);
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure("statement", message)]);
}
