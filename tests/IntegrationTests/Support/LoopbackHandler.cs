using Alba;

namespace MyGovernment.IntegrationTests.Support;

/// <summary>
/// The primary handler of every HttpClient the API makes in tests: requests go to the in-process test server, so our
/// provider client and the sandbox's webhook deliveries cross real HTTP plumbing (serialization, routing, middleware)
/// without a socket. Resolved lazily because the server exists only once the host is built.
/// </summary>
public sealed class LoopbackHandler(Func<IAlbaHost> host) : HttpMessageHandler
{
    private HttpMessageInvoker? _invoker;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _invoker ??= new HttpMessageInvoker(host().Server.CreateHandler(), disposeHandler: false);
        // The other side is another system (the payment provider, or us seen from it) with a clock of its own: a
        // test's TestClock.Advance must not cross this call, so the caller's execution context does not flow.
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => _invoker.SendAsync(request, cancellationToken), cancellationToken);
        }
    }
}
