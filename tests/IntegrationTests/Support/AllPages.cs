using MyGovernment.Api.Paging;

namespace MyGovernment.IntegrationTests.Support;

public static class AllPages
{
    /// <summary>Follows a keyset-paged list to its end, as a client would, and returns every item in order.</summary>
    public static async Task<List<T>> AllPagesAsync<T>(this AppFixture app, string token, string url)
    {
        var items = new List<T>();
        string? next = null;
        do
        {
            var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var page = (await (await app.Host.Scenario(s => s.As(token).Get.Url(next is null ? url : $"{url}{separator}after={Uri.EscapeDataString(next)}")))
                .ReadAsJsonAsync<Page<T>>())!;
            items.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);
        return items;
    }
}
