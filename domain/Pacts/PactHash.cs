using AgentTrust.Domain.Hashing;

namespace AgentTrust.Domain.Pacts;

/// <summary>The content hash of a pact: <c>sha256:</c> and the hex digest of its canonical JSON.</summary>
public static class PactHash
{
    public static string Compute(Pact pact) => "sha256:" + Digest.OfCanonicalJson(pact);
}
