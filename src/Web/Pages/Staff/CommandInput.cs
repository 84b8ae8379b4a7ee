namespace MyGovernment.Web.Pages.Staff;

/// <summary>
/// The fields of every action form on a request's page. One shape for all of them keeps what the officer typed when the
/// engine refuses it, so the page shows it again next to the engine's message.
/// </summary>
public sealed class CommandInput
{
    /// <summary>The version the officer was looking at: the engine refuses the action if the request moved since.</summary>
    public long Version { get; set; }

    public string? Message { get; set; }

    public string? Note { get; set; }

    public string? Reason { get; set; }

    public string? ToDepartment { get; set; }

    public string? Outcome { get; set; }

    public string? ReasonCode { get; set; }

    public string? OfficerId { get; set; }
}
