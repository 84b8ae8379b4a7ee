using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MyGovernment.Api.OpenApi;

/// <summary>
/// A description for every tag (what a client developer finds under it), and the server as the root of the host that
/// serves the document: a relative "/" holds behind any proxy and in every environment, where an absolute URL
/// would name the test host or a developer's machine.
/// </summary>
public sealed class TagsAndServersTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Service requests"] = "Submitting a request for a government service and every step of its processing, with versions (ETag/If-Match).",
        ["Citizen"] = "What a signed-in citizen sees of their own requests, documents, payments and access log.",
        ["Staff"] = "The work lists and workload of a department's officers.",
        ["Officers"] = "The roster of officers enrolled in a department.",
        ["Documents"] = "Uploading evidence (PDF or image), downloading it, and verifying issued documents.",
        ["Payments"] = "Paying a request's fees through the payment provider: sessions, payments, timelines and receipts.",
        ["Notifications"] = "My inbox of notifications (with each SMS and email copy's delivery status), my language and contact preferences, and the SMS gateway's signed delivery reports.",
        ["Refunds"] = "Asking for and approving (maker-checker) refunds of captured payments.",
        ["Finance"] = "The revenue ledger, finance's payment list, and reconciliation of the provider's settlement statements.",
        ["Oversight"] = "Read-only reports for oversight bodies, as JSON or CSV.",
        ["Catalog"] = "The public catalogue: services, their fees and forms, departments and public holidays.",
        ["Catalog administration"] = "Defining, publishing and retiring services, fee schedules, departments and public holidays.",
        ["Audit"] = "The tamper-evident event log: browsing, signed checkpoints, inclusion and consistency proofs, replay and access logs.",
        ["Errors"] = "The error catalogue: every problem code the API answers, with its status and wording in Arabic and English.",
        ["Operations"] = "For operators: this node's role, agents, projection lag, message backlog and checkpoint age.",
        ["Client apps"] = "For admins: registering client apps (OAuth clients) and seeing which webhook subscriptions were disabled.",
        ["Webhooks"] = "For a client app with its own token: signed webhooks (Standard Webhooks) about its requests, their deliveries and redelivery.",
        ["Development"] = "Helpers that exist only in the Development and Testing environments.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
        var used = (document.Paths ?? [])
            .SelectMany(path => path.Value.Operations ?? [])
            .SelectMany(operation => operation.Value.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = Descriptions.TryGetValue(name, out var description)
                ? description
                : throw new InvalidOperationException($"The tag '{name}' has no description in {nameof(TagsAndServersTransformer)}."),
        }));
        return Task.CompletedTask;
    }
}
