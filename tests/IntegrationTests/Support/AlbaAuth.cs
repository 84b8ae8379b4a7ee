using Alba;

namespace MyGovernment.IntegrationTests.Support;

public static class AlbaAuth
{
    public static Scenario As(this Scenario scenario, string token)
    {
        scenario.WithRequestHeader("Authorization", "Bearer " + token);
        return scenario;
    }
}
