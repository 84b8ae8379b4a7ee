namespace MyGovernment.Domain.Common;

/// <summary>
/// Palestinian national ID: nine digits, the last a Luhn check digit over the first eight. Typed in Arabic-Indic or
/// fullwidth digits it is the same ID: <see cref="Normalise"/> gives the ASCII form we store and compare.
/// </summary>
public static class NationalId
{
    /// <summary>The ID in ASCII digits (see <see cref="Digits"/>); anything else unchanged.</summary>
    public static string? Normalise(string? value) => Digits.ToAsciiOrNull(value);

    public static bool IsValid(string? value)
    {
        value = Normalise(value);
        if (value is null || value.Length != 9 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            // Luhn from the right: the check digit is position 0, so odd positions from the right are doubled.
            var digit = value[8 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /// <summary>Completes an eight-digit prefix with its check digit (used by seeds, tests and simulations).</summary>
    public static string WithCheckDigit(string eightDigits)
    {
        if (eightDigits.Length != 8 || !eightDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Expected eight digits.", nameof(eightDigits));
        }
        for (var d = 0; d <= 9; d++)
        {
            var candidate = eightDigits + (char)('0' + d);
            if (IsValid(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("unreachable: one check digit always fits");
    }
}
