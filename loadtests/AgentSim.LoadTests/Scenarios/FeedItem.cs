namespace AgentSim.LoadTests.Scenarios;

/// <summary>What a data feed gives one iteration: the conversation's channel, intent and customer tier (null: the silo's scenario decides).</summary>
/// <param name="Channel">A channel's wire name, e.g. <c>voice</c>.</param>
/// <param name="Intent">One of the silo scenario's intents.</param>
/// <param name="Tier">One of the silo scenario's customer tiers.</param>
public sealed record FeedItem(string? Channel = null, string? Intent = null, string? Tier = null)
{
    /// <summary>An item that leaves every choice to the silo.</summary>
    public static readonly FeedItem None = new();

    /// <summary>Whether every choice is left to the silo.</summary>
    public bool IsEmpty => Channel is null && Intent is null && Tier is null;
}
