using Alba;
using MyGovernment.IntegrationTests.Support;

namespace MyGovernment.IntegrationTests.Catalog;

public sealed class HealthTests(AppFixture app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_a_token(string url) =>
        await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
            s.ContentShouldBe("Healthy");
        });
}
