using Microsoft.Diagnostics.Tracing.Parsers;

namespace MyGovernment.Benchmarks;

/// <summary>
/// Methods the API's runtime has compiled so far: one method-load event per body the JIT produces, at every tier
/// (first, instrumented, optimized). Under a steady load the count keeps rising for over a minute while the runtime
/// promotes code, background loops' included, to its optimized tiers; that compilation is CPU the API spends once per
/// process, not per command, so the measurements wait until it has settled and each says how many methods were
/// compiled during it (issue 16, part U). The JIT keyword costs one small event per compiled method.
/// </summary>
public sealed class JitMeter(int processId) : RuntimeEventMeter(processId, ClrTraceEventParser.Keywords.Jit)
{
    private long _compiled;

    public static JitMeter Attach(int processId) => new(processId);

    /// <summary>Methods compiled since attaching. Events arrive a fraction of a second after the fact.</summary>
    public long Compiled => Interlocked.Read(ref _compiled);

    protected override void Subscribe(ClrTraceEventParser clr) => clr.MethodLoadVerbose += _ => Interlocked.Increment(ref _compiled);
}
