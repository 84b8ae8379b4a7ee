namespace MyGovernment.Application.Webhooks;

/// <summary>
/// A client app registered by an admin. Its id is the OAuth client id its tokens carry (claim <c>client_id</c>):
/// the app's own client-credentials tokens (subject = client id) manage its webhooks, and a citizen's token issued
/// through the app carries it too, so the requests submitted with it are attributed to the app.
/// </summary>
/// <param name="Services">Service codes the app is entitled to beyond what it submitted (e.g. a ministry's own app).</param>
public sealed record ClientApp(string Id, string Name, IReadOnlyList<string> Services, DateTimeOffset RegisteredAt, string RegisteredBy);
