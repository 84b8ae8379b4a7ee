using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using MyGovernment.IntegrationTests.Support;

namespace MyGovernment.IntegrationTests.Documents;

/// <summary>Test files and raw uploads through the HTTP API.</summary>
public static class Uploads
{
    /// <summary>A PDF-looking file (signature, then unique bytes), so every test uploads content of its own.</summary>
    public static byte[] Pdf(int size = 4096)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Png(int size = 2048)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The document reference an answer carries for these bytes.</summary>
    public static object Reference(byte[] bytes, string contentType = "application/pdf", string fileName = "diploma.pdf", long? sizeBytes = null, string? sha256 = null) =>
        new { documentType = "DIPLOMA", fileName, contentType, sizeBytes = sizeBytes ?? bytes.Length, sha256 = sha256 ?? Sha256(bytes) };

    public static async Task<HttpResponseMessage> PostAsync(
        AppFixture app, string token, byte[] bytes, string contentType = "application/pdf", string? fileName = "diploma.pdf",
        string? idempotencyKey = null, bool hideLength = false)
    {
        using var client = app.Host.Server.CreateClient();
        var url = fileName is null ? "/api/documents" : "/api/documents?fileName=" + Uri.EscapeDataString(fileName);
        HttpContent content = hideLength ? new StreamContent(new UnseekableStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Uploads and expects the first-upload answer.</summary>
    public static async Task<string> UploadAsync(AppFixture app, string token, byte[] bytes, string contentType = "application/pdf")
    {
        using var response = await PostAsync(app, token, bytes, contentType);
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
        return Sha256(bytes);
    }

    public static async Task<HttpResponseMessage> GetAsync(AppFixture app, string token, string url, string? ifNoneMatch = null)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Hides its length, so the client sends the body without a Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
