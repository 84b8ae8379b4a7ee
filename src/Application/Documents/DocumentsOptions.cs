namespace MyGovernment.Application.Documents;

/// <summary>The document store's limits (configuration section <c>Documents</c>).</summary>
public sealed class DocumentsOptions
{
    /// <summary>The most any upload may be, whatever is configured: a document reference in an event allows no more.</summary>
    public const long AbsoluteMaxBytes = 20 * 1024 * 1024;

    /// <summary>The largest upload accepted (413 above it). The only body allowed past <c>Limits:MaxBodyBytes</c>.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Uploads no request referenced within this many days are deleted by the purge job.</summary>
    public double UnreferencedRetentionDays { get; set; } = 7;

    public TimeSpan UnreferencedRetention => TimeSpan.FromDays(UnreferencedRetentionDays);
}
