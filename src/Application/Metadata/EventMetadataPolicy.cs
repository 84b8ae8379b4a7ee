using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Configuration;
using Wolverine.Runtime.Handlers;

namespace MyGovernment.Application.Metadata;

/// <summary>Puts <see cref="EventMetadata.Stamp"/> into every message handler, so every appended event carries actor, ids and business time.</summary>
public sealed class EventMetadataPolicy : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            chain.Middleware.Add(new MethodCall(typeof(EventMetadata), nameof(EventMetadata.Stamp)));
        }
    }
}
