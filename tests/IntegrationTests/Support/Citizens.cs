using MyGovernment.Domain.Common;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>Fresh, valid national IDs so each test acts as a citizen nobody else uses.</summary>
public static class Citizens
{
    private static int _next = 40_000_000;

    public static string NewNationalId() => NationalId.WithCheckDigit(Interlocked.Increment(ref _next).ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
}
