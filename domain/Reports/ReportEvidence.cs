using AgentTrust.Domain.Evidence;

namespace AgentTrust.Domain.Reports;

/// <summary>One opened evidence record: its stored name and what it states.</summary>
public sealed record ReportEvidence(string Name, EvidenceDraft Draft);
