using System.Collections.Concurrent;
using AgentTrust.Domain.Pacts.Cel;

namespace AgentTrust.Domain.Pacts;

/// <summary>
/// Compiles a pact's CEL conditions once to delegates over typed input slots (checked against the pact's schemas)
/// and caches compiled pacts by content hash, so a pact version is compiled once per process however many actions
/// it governs.
/// </summary>
public sealed class CelPactCompiler
{
    readonly ConcurrentDictionary<string, CompiledPact> cache = new(StringComparer.Ordinal);

    /// <summary>The compiled pact; throws <see cref="PactCompilationException"/> with every problem when it does not compile.</summary>
    public CompiledPact Compile(Pact pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var hash = PactHash.Compute(pact);
        if (cache.TryGetValue(hash, out var cached))
        {
            return cached;
        }

        var compiled = CompileUncached(pact);
        return cache.GetOrAdd(hash, compiled);
    }

    /// <summary>Every problem that keeps the pact from compiling; empty when it compiles.</summary>
    public static IReadOnlyList<PactError> Check(Pact pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        return DelegateCompiledPact.TryCompile(pact).Errors;
    }

    /// <summary>Compiles without the cache (tools and tests that compile a pact once).</summary>
    public static CompiledPact CompileUncached(Pact pact)
    {
        ArgumentNullException.ThrowIfNull(pact);
        var (compiled, errors) = DelegateCompiledPact.TryCompile(pact);
        return compiled ?? throw new PactCompilationException(errors);
    }
}
