using MyGovernment.Api.Identity;
using MyGovernment.Api.Paging;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Projections.Payments;
using Shouldly;

namespace MyGovernment.IntegrationTests.Payments;

/// <summary>Finance's work list reads newest first by default or oldest first, page after page, and refuses anything else.</summary>
public sealed class PaymentListOrderTests(AppFixture app)
{
    private readonly PaymentKit _kit = new(app);

    [Fact]
    public async Task The_finance_list_pages_in_either_order_and_refuses_an_unknown_sort_or_a_cursor_of_the_other_order()
    {
        for (var i = 0; i < 3; i++)
        {
            await _kit.OpenAsync(await _kit.PermitAwaitingPaymentAsync(), "Card");
        }
        var finance = app.TokenFor("finance-order", Roles.Finance, "TREASURY");

        var oldestFirst = await app.AllPagesAsync<PaymentDetails>(finance, "/api/finance/payments?sort=created&limit=10");
        var newestFirst = await app.AllPagesAsync<PaymentDetails>(finance, "/api/finance/payments?limit=10");

        oldestFirst.Count.ShouldBeGreaterThanOrEqualTo(3);
        oldestFirst.Select(p => p.Id).ShouldBeUnique();
        oldestFirst.Select(p => p.CreatedAt).ShouldBeInOrder(SortDirection.Ascending);
        newestFirst.Select(p => p.CreatedAt).ShouldBeInOrder(SortDirection.Descending);
        // Payments created meanwhile by other tests can only add to the newer list's front.
        oldestFirst.Select(p => p.Id).Except(newestFirst.Select(p => p.Id)).ShouldBeEmpty();

        await app.Host.Scenario(s =>
        {
            s.As(finance).Get.Url("/api/finance/payments?sort=amount");
            s.StatusCodeShouldBe(400);
        });
        var page = (await (await app.Host.Scenario(s => s.As(finance).Get.Url("/api/finance/payments?limit=1"))).ReadAsJsonAsync<Page<PaymentDetails>>())!;
        await app.Host.Scenario(s =>
        {
            s.As(finance).Get.Url($"/api/finance/payments?sort=created&after={Uri.EscapeDataString(page.Next!)}");
            s.StatusCodeShouldBe(400);
        });
    }
}
