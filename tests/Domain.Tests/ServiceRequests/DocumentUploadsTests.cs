using MyGovernment.Domain.Common;
using MyGovernment.Domain.ServiceRequests;
using Shouldly;

namespace MyGovernment.Domain.Tests.ServiceRequests;

/// <summary>A document reference must match one of the caller's own uploads exactly: hash, size and content type.</summary>
public sealed class DocumentUploadsTests
{
    private static readonly string Hash = new('a', 64);
    private static readonly DocumentReference Plan = new("site-plan", "plan.pdf", "application/pdf", 1024, Hash);
    private static readonly UploadedDocument Uploaded = new(Hash, 1024, "application/pdf");

    [Fact]
    public void References_to_the_callers_own_uploads_pass()
    {
        Should.NotThrow(() => DocumentUploads.RequireUploaded([Plan, Plan with { FileName = "copy.pdf" }], [Uploaded]));
        Should.NotThrow(() => DocumentUploads.RequireUploaded([], []));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("size")]
    [InlineData("type")]
    public void A_reference_without_a_matching_upload_is_refused(string mismatch)
    {
        var uploads = mismatch switch
        {
            "missing" => [],
            "size" => new[] { Uploaded with { SizeBytes = 1025 } },
            _ => new[] { Uploaded with { ContentType = "image/png" } },
        };
        Should.Throw<DomainException>(() => DocumentUploads.RequireUploaded([Plan], uploads)).Code.ShouldBe("document_not_uploaded");
    }
}
