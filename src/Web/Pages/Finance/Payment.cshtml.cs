using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyGovernment.Client.Models;
using MyGovernment.Web.Engine;
using MyGovernment.Web.Pages.Staff;
using MyGovernment.Web.SignIn;

namespace MyGovernment.Web.Pages.Finance;

/// <summary>
/// One payment for finance: its amounts, its history (with the refunds that point at it) and the refund request form.
/// The form quotes the refundable amount the officer saw, so a refund decided on stale figures is refused.
/// </summary>
[Authorize(Policy = PortalAuth.Finance)]
public sealed class PaymentModel(PortalApi portal) : PageModel
{
    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? RefundableSeen { get; set; }

    public PaymentDetails? Payment { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The refunds of this payment: the other streams in its history (each refund is its own stream).</summary>
    public IReadOnlyList<Guid> Refunds =>
        [.. Timeline.Where(e => e.StreamId is { } stream && stream != Payment?.Id).Select(e => e.StreamId!.Value).Distinct()];

    public ApiRefusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id) => PageAsync(id);

    public async Task<IActionResult> OnPostRefundAsync(Guid id)
    {
        var body = new RequestRefundBody
        {
            Amount = Number(Amount),
            RefundableSeen = Number(RefundableSeen),
            Currency = "ILS",
            Reason = Reason,
        };
        var (refund, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Payments[id].Refunds.PostAsync(body));
        if (refund?.Id is { } refundId)
        {
            return RedirectToPage("Refund", new { id = refundId, done = "requested" });
        }
        Refusal = refusal;
        refusal?.AddFieldErrorsTo(ModelState);
        return await PageAsync(id);
    }

    // A typed amount the engine cannot read is sent as nothing, so its validation names the field.
    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private async Task<IActionResult> PageAsync(Guid id)
    {
        var (payment, refusal) = await ApiRefusal.TryAsync(() => portal.Client.Api.Payments[id].GetAsync());
        if (payment is null)
        {
            if (refusal?.Status is 404 or 403)
            {
                return NotFound();
            }
            Refusal ??= refusal;
            return Page();
        }
        Payment = payment;
        Timeline = (await ApiRefusal.TryAsync(() => portal.Client.Api.Payments[id].Timeline.GetAsync())).Value ?? [];
        return Page();
    }
}
