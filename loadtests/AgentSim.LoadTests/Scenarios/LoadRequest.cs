namespace AgentSim.LoadTests.Scenarios;

/// <summary>One step's call: which step, what the conversation asks for, and the id an earlier start step got back.</summary>
/// <param name="Step">The step.</param>
/// <param name="Item">The data feed's item for this iteration.</param>
/// <param name="ConversationId">The conversation an earlier step started (for <see cref="LoadStep.Status"/>), or null.</param>
public readonly record struct LoadRequest(LoadStep Step, FeedItem Item, string? ConversationId = null)
{
    /// <summary>A start step that leaves every choice to the silo.</summary>
    public static readonly LoadRequest Start = new(LoadStep.Start, FeedItem.None);
}
