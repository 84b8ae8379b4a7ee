using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Application.Catalog;
using MyGovernment.Domain.Catalog;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Catalog;

/// <summary>
/// All calendar writes in one class (one calendar stream; tests in a class run one after another). Dates are
/// far in the future so no SLA computed by other tests crosses them.
/// </summary>
public sealed class PublicHolidayTests(AppFixture app)
{
    private readonly string _admin = app.AdminToken();

    private async Task<List<PublicHoliday>> Holidays(int year) =>
        (await (await app.Host.Scenario(s => s.Get.Url($"/api/calendar/holidays?year={year}"))).ReadAsJsonAsync<List<PublicHoliday>>())!;

    [Fact]
    public async Task Anyone_can_read_the_seeded_holidays_of_a_year()
    {
        var holidays = await Holidays(2026);

        holidays.ShouldContain(new PublicHoliday(new DateOnly(2026, 11, 15), new("عيد الاستقلال", "Independence Day")));
        holidays.Select(h => h.Name.En).ShouldContain("Eid al-Adha");
        holidays.Select(h => h.Date).ShouldBeInOrder();
        holidays.ShouldAllBe(h => h.Date.Year == 2026);
    }

    [Fact]
    public async Task A_declared_holiday_is_listed_counts_as_a_non_working_day_and_can_be_removed()
    {
        var date = new DateOnly(2041, 3, 5); // a Tuesday
        await app.Post(_admin, "/api/admin/calendar/holidays", new { date = CatalogAdmin.Iso(date), nameAr = "يوم وطني", nameEn = "National day" }, 201);
        await app.Post(_admin, "/api/admin/calendar/holidays", new { date = CatalogAdmin.Iso(date), nameAr = "يوم وطني", nameEn = "National day" }, 201);

        (await Holidays(2041)).ShouldContain(new PublicHoliday(date, new("يوم وطني", "National day")));
        var calendars = app.Host.Services.GetRequiredService<IWorkingCalendarSource>();
        (await calendars.GetAsync(TestContext.Current.CancellationToken)).IsWorkingDay(date).ShouldBeFalse();

        await app.Host.Scenario(s => { s.Delete.Url($"/api/admin/calendar/holidays/{CatalogAdmin.Iso(date)}"); s.As(_admin); s.StatusCodeShouldBe(204); });

        (await Holidays(2041)).ShouldNotContain(h => h.Date == date);
        (await calendars.GetAsync(TestContext.Current.CancellationToken)).IsWorkingDay(date).ShouldBeTrue();
    }

    [Fact]
    public async Task Declaring_a_different_holiday_on_a_declared_date_is_refused()
    {
        var date = new DateOnly(2042, 4, 8);
        await app.Post(_admin, "/api/admin/calendar/holidays", new { date = CatalogAdmin.Iso(date), nameAr = "أ", nameEn = "First" }, 201);

        var refused = await app.Post(_admin, "/api/admin/calendar/holidays", new { date = CatalogAdmin.Iso(date), nameAr = "ب", nameEn = "Second" }, 422);
        (await refused.ReadAsTextAsync()).ShouldContain("holiday_already_declared");
    }

    [Fact]
    public async Task Past_days_cannot_be_changed_and_unknown_holidays_are_404()
    {
        var past = await app.Post(_admin, "/api/admin/calendar/holidays", new { date = CatalogAdmin.Iso(CatalogAdmin.Today.AddDays(-3)), nameAr = "أ", nameEn = "Late" }, 422);
        (await past.ReadAsTextAsync()).ShouldContain("date_in_past");
        await app.Host.Scenario(s => { s.Delete.Url("/api/admin/calendar/holidays/2026-01-01"); s.As(_admin); s.StatusCodeShouldBe(422); });
        await app.Host.Scenario(s => { s.Delete.Url("/api/admin/calendar/holidays/2043-02-03"); s.As(_admin); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task Bad_holiday_input_is_a_400_problem()
    {
        (await (await app.Post(_admin, "/api/admin/calendar/holidays", new { nameEn = "No date" }, 400)).ReadAsTextAsync()).ShouldContain("\"date\"");
        await app.Host.Scenario(s => { s.Delete.Url("/api/admin/calendar/holidays/not-a-date"); s.As(_admin); s.StatusCodeShouldBe(400); });
        await app.Host.Scenario(s => { s.Get.Url("/api/calendar/holidays?year=99999"); s.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task Only_an_admin_changes_the_calendar()
    {
        var officer = app.TokenFor("officer-x", Api.Identity.Roles.Officer, "MOJ");
        await app.Post(officer, "/api/admin/calendar/holidays", new { date = "2044-01-05", nameAr = "أ", nameEn = "A" }, 403);
    }
}
