using System.Net.Http.Headers;
using System.Net.Http.Json;
using MyGovernment.Api.Identity;
using MyGovernment.Application.Payments;
using MyGovernment.Application.ServiceRequests;
using MyGovernment.Domain.Payments;
using MyGovernment.IntegrationTests.Documents;
using MyGovernment.IntegrationTests.Payments;
using MyGovernment.IntegrationTests.Support;
using Shouldly;

namespace MyGovernment.IntegrationTests.Security;

/// <summary>
/// What the security tests act on, prepared once: a card payment of the applicant (succeeded, so with a receipt), a paid building permit at Local Government's (MOLG) step, its
/// applicant, staff of MOLG (who may see it) and of Civil Defence (who may not yet), and one token per other role.
/// </summary>
public sealed class SecurityWorld
{
    public const string Department = "MOLG";
    public const string ForeignDepartment = "CIVIL-DEFENCE";

    private static readonly object PermitForm = new { basinNumber = "7", parcelNumber = "112", floors = "3", areaSqm = "240" };

    private SecurityWorld(AppFixture app, Journey request, Guid paymentId)
    {
        App = app;
        Request = request;
        PaymentId = paymentId;
        var tag = request.Id.ToString("N")[..8];
        Owner = request.CitizenToken;
        var stranger = Citizens.NewNationalId();
        // Staff and stranger subjects carry no national ID (LogPrivacyTests uses subjects of the same kind).
        ForeignCitizen = app.TokenFor("citizen-stranger-" + tag, Roles.Citizen, nationalId: stranger);
        Tokens = new Dictionary<string, string?>
        {
            ["anonymous"] = null,
            [Roles.Citizen] = Owner,
            [Roles.Officer] = app.TokenFor("molg-officer-" + tag, Roles.Officer, Department, Citizens.NewNationalId()),
            [Roles.Supervisor] = app.TokenFor("molg-supervisor-" + tag, Roles.Supervisor, Department, Citizens.NewNationalId()),
            [Roles.Finance] = app.TokenFor("finance-" + tag, Roles.Finance, "TREASURY"),
            [Roles.Auditor] = app.TokenFor("auditor-" + tag, Roles.Auditor),
            [Roles.Oversight] = app.TokenFor("oversight-" + tag, Roles.Oversight),
            [Roles.Admin] = app.TokenFor("admin-" + tag, Roles.Admin),
        };
        Foreign = new Dictionary<string, string>
        {
            [Roles.Citizen] = ForeignCitizen,
            [Roles.Officer] = app.TokenFor("cd-officer-" + tag, Roles.Officer, ForeignDepartment, Citizens.NewNationalId()),
            [Roles.Supervisor] = app.TokenFor("cd-supervisor-" + tag, Roles.Supervisor, ForeignDepartment, Citizens.NewNationalId()),
        };
    }

    public AppFixture App { get; }

    public Journey Request { get; }

    /// <summary>A succeeded card payment of the same applicant (for another request of theirs): its receipt has the same id.</summary>
    public Guid PaymentId { get; }

    public string Owner { get; }

    public string ForeignCitizen { get; }

    /// <summary>The roles of DESIGN §4 (plus anonymous) in matrix column order, each with the token that acts on its own objects.</summary>
    public IReadOnlyDictionary<string, string?> Tokens { get; }

    /// <summary>For roles whose objects are owned (the applicant, a department's staff): a token of someone else of that role.</summary>
    public IReadOnlyDictionary<string, string> Foreign { get; }

    public static readonly string[] Columns = ["anonymous", Roles.Citizen, Roles.Officer, Roles.Supervisor, Roles.Finance, Roles.Auditor, Roles.Oversight, Roles.Admin];

    public static async Task<SecurityWorld> PrepareAsync(AppFixture app)
    {
        var request = await new Journey(app, "BUILDING-PERMIT").SubmitAsync(PermitForm);
        await request.SendAsync(app.TokenFor("finance-world", Roles.Finance, "TREASURY"), "payments", new { paymentReference = "PAY-" + request.Id, amount = 650m, currency = "ILS" });
        (await request.ReadAsync()).CurrentDepartment.ShouldBe(Department);
        return new SecurityWorld(app, request, await PaidByAsync(app, request.CitizenToken));
    }

    /// <summary>The applicant asks for a certificate too and pays it by card on the provider's hosted page.</summary>
    private static async Task<Guid> PaidByAsync(AppFixture app, string applicant)
    {
        var submitted = await app.Host.Scenario(s =>
        {
            s.As(applicant).Post.Json(new { serviceCode = "NO-CRIMINAL-RECORD", form = new { purpose = "Employer", motherName = "Matrix" } })
                .ToUrl("/api/service-requests");
            s.StatusCodeShouldBe(201);
        });
        var requestId = (await submitted.ReadAsJsonAsync<ServiceRequestSubmittedResponse>())!.RequestId;
        var opened = await app.Host.Scenario(s =>
        {
            s.As(applicant).Post.Json(new { channel = "Card" }).ToUrl($"/api/service-requests/{requestId}/payment-sessions");
            s.StatusCodeShouldBe(201);
        });
        var session = (await opened.ReadAsJsonAsync<PaymentSessionResponse>())!;
        var kit = new PaymentKit(app);
        await kit.SettleAsync(() => kit.PressAsync(session, "pay"), session.PaymentId, requestId);
        (await kit.ReadAsync(session.PaymentId)).Status.ShouldBe(PaymentStatus.Succeeded);
        // The receipt proof exists for the matrix once a checkpoint covers the payment.
        await ReceiptProofs.WaitForAsync(app, applicant, session.PaymentId);
        return session.PaymentId;
    }

    /// <summary>The SHA-256 of a document the applicant supplied with <see cref="Request"/>, once <see cref="WithDocumentAsync"/> ran.</summary>
    public string DocumentSha256 { get; private set; } = new('0', 64);

    /// <summary>
    /// MOLG's officer claims the request and asks for a document, which the applicant uploads and references, so the
    /// request's document route has something to serve. Leaves the request in review, assigned to that officer.
    /// </summary>
    public async Task<SecurityWorld> WithDocumentAsync()
    {
        var officer = Tokens[Roles.Officer]!;
        await Request.SendAsync(officer, "claim");
        var asked = await App.Host.Scenario(s =>
        {
            s.As(officer).Post.Json(new { expectedVersion = Request.Version, message = "The site plan, please." }).ToUrl($"{Request.Url}/information-requests");
            s.StatusCodeShouldBe(201);
        });
        await Request.ReadAsync();
        var content = Uploads.Pdf();
        DocumentSha256 = await Uploads.UploadAsync(App, Owner, content);
        await Request.SendAsync(Owner, $"information-requests/{asked.Context.Response.Headers.Location.ToString().Split('/')[^1]}/response",
            new { message = "Attached.", documents = new[] { Uploads.Reference(content, fileName: "site-plan.pdf") } });
        return this;
    }

    public HttpClient Client() => App.Host.Server.CreateClient();

    public static HttpRequestMessage Message(string method, string url, string? token, HttpContent? content = null)
    {
        var message = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return message;
    }

    public static JsonContent Json(object body) => JsonContent.Create(body);
}
