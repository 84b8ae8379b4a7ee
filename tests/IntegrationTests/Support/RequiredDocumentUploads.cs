using MyGovernment.IntegrationTests.Documents;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>Supplies a journey's required documents the way an applicant does: upload each file, then attach it.</summary>
public static class RequiredDocumentUploads
{
    /// <summary>Uploads and attaches a file for each code given, or for every document the request still needs.</summary>
    public static async Task SupplyDocumentsAsync(this Journey journey, AppFixture app, params string[] codes)
    {
        var needed = codes.Length > 0 ? codes : [.. (await journey.ReadAsync()).MissingDocuments];
        if (needed.Length == 0)
        {
            return;
        }
        var documents = new List<object>();
        foreach (var code in needed)
        {
            var bytes = Uploads.Pdf();
            await Uploads.UploadAsync(app, journey.CitizenToken, bytes);
            documents.Add(new { documentType = code, fileName = code.ToLowerInvariant() + ".pdf", contentType = "application/pdf", sizeBytes = bytes.Length, sha256 = Uploads.Sha256(bytes) });
        }
        await journey.SendAsync(journey.CitizenToken, "documents", new { documents });
    }
}
