using MyGovernment.Domain.Common;
using Shouldly;

namespace MyGovernment.Domain.Tests.Common;

public sealed class NationalIdTests
{
    [Theory]
    [InlineData("123456782", true)]
    [InlineData("123456789", false)]
    [InlineData("12345678", false)]
    [InlineData("1234567820", false)]
    [InlineData("12345678a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validates_length_digits_and_the_Luhn_check_digit(string? value, bool valid) =>
        NationalId.IsValid(value).ShouldBe(valid);

    [Fact]
    public void Every_prefix_completed_with_its_check_digit_is_valid_and_any_other_digit_is_not()
    {
        foreach (var prefix in new[] { "00000000", "40000001", "98765432", "12345678" })
        {
            var id = NationalId.WithCheckDigit(prefix);
            NationalId.IsValid(id).ShouldBeTrue();
            Enumerable.Range(0, 10).Count(d => NationalId.IsValid(prefix + d)).ShouldBe(1);
        }
    }
}
