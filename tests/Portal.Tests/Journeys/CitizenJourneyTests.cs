using MyGovernment.Portal.Tests.Support;

namespace MyGovernment.Portal.Tests.Journeys;

public sealed class CitizenJourneyTests(PortalHost host)
{
    [Fact]
    public async Task A_citizen_applies_pays_answers_receives_the_document_and_verifies_it_in_Arabic()
    {
        var page = await host.NewPageAsync();
        await new CitizenJourney(host, page, "").RunAsync();
    }

    [Fact]
    public async Task The_same_journey_completes_on_a_slow_mobile_connection()
    {
        var page = await host.NewPageAsync();
        await SlowConnection.EmulateAsync(page);
        await new CitizenJourney(host, page, "slow-", checkPages: false).RunAsync();
    }
}
