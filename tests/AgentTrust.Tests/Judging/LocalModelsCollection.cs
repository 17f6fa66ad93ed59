namespace AgentTrust.Tests.Judging;

/// <summary>Tests that share the trained local models (training once per run keeps the suite fast).</summary>
[CollectionDefinition(Name)]
public sealed class LocalModelsCollection : ICollectionFixture<LocalModelsFixture>
{
    public const string Name = "local judge models";
}
