using QRCoder;

namespace MyGovernment.Web.Shared;

/// <summary>A QR code as a small PNG data URI (the CSP allows data: images; no request leaves the page).</summary>
public static class QrCode
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
