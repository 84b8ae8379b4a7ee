using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Http;

namespace MyGovernment.Api.Errors;

/// <summary>
/// A JSON body of literally <c>null</c> binds to a null request object, and endpoints would then dereference it
/// (a 500). Every endpoint with a request body refuses that as a 400 before its own code runs.
/// </summary>
public sealed class RequireRequestBodyPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.RequestType is { IsValueType: false }))
        {
            var require = typeof(RequestBody).GetMethod(nameof(RequestBody.Require))!.MakeGenericMethod(chain.RequestType!);
            chain.Middleware.Insert(0, new MethodCall(typeof(RequestBody), require));
        }
    }
}

public static class RequestBody
{
    public static void Require<T>(T? body) where T : class
    {
        if (body is null)
        {
            throw new BadHttpRequestException("This endpoint needs a JSON object as its body.", StatusCodes.Status400BadRequest);
        }
    }
}
