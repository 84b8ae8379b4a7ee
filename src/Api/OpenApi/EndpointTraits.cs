using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using MyGovernment.Api.ServiceRequests;
using Wolverine;
using Wolverine.Http;

namespace MyGovernment.Api.OpenApi;

/// <summary>
/// What an endpoint's metadata says about the failures it can produce. The transformers document responses from
/// these traits rather than from a per-endpoint list, so a new endpoint is described correctly without extra work.
/// </summary>
public sealed record EndpointTraits(
    bool RequiresToken,
    bool RequiresRole,
    bool ChangesState,
    bool HasBody,
    bool HasQuery,
    bool AddressesAnObject,
    bool IsVersionedCommand,
    bool SendsCommand,
    bool UsesDatabase,
    bool ReturnsETag,
    bool CallsPaymentProvider)
{
    public static EndpointTraits Of(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var requiresToken = authorize.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any();
        var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        var versioned = body is not null && typeof(IVersionedBody).IsAssignableFrom(body);
        // Every Wolverine endpoint reads or writes Marten; one that takes the message bus runs a command handler.
        var wolverine = description.ActionDescriptor as WolverineActionDescriptor;
        var sendsCommand = wolverine?.Chain.Method.Method.GetParameters().Any(p => p.ParameterType == typeof(IMessageBus)) == true;
        return new EndpointTraits(
            RequiresToken: requiresToken,
            // Even a plain [Authorize] requires a role (a client app's own token has none), so every such route can answer 403.
            RequiresRole: requiresToken,
            ChangesState: !HttpMethods.IsGet(description.HttpMethod ?? "GET") && !HttpMethods.IsHead(description.HttpMethod ?? "GET"),
            HasBody: body is not null,
            HasQuery: description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query),
            AddressesAnObject: description.RelativePath?.Contains('{', StringComparison.Ordinal) == true,
            IsVersionedCommand: versioned,
            SendsCommand: sendsCommand,
            UsesDatabase: wolverine is not null,
            ReturnsETag: versioned || metadata.OfType<ProducesETagAttribute>().Any(),
            CallsPaymentProvider: metadata.OfType<CallsPaymentProviderAttribute>().Any());
    }
}

/// <summary>Documents the ETag header on a read that returns an object's version (commands on requests get it automatically).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesETagAttribute : Attribute;
