using MyGovernment.Api.Idempotency;
using Shouldly;

namespace MyGovernment.IntegrationTests.Idempotency;

/// <summary>
/// Idempotency records live for a day across upgrades and are found by this id, so it must not change. Expected
/// values computed outside .NET (Python's hashlib): SHA-256 of the UTF-8 of "{subject length}:{subject}|{key}".
/// No database needed.
/// </summary>
public sealed class ScopedIdTests
{
    [Theory]
    [InlineData("citizen-401234567", "key-1", "189e06b3b811be0960777cbb5560e03fa59e75f49ca82122553c0f154ec48d85")]
    [InlineData("طالب", "مفتاح-٣", "ed19ec5d0149eb2b9ad776c917d5f061db1483da1130d90febe5df180c5d7180")]
    public void A_callers_key_names_the_record_it_always_named(string subject, string key, string expected) =>
        IdempotentCommand.ScopedId(subject, key).ShouldBe(expected);

    [Fact]
    public void The_subject_and_key_are_not_run_together() =>
        IdempotentCommand.ScopedId("ab", "c").ShouldNotBe(IdempotentCommand.ScopedId("a", "bc"));
}
