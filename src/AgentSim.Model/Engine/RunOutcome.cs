using AgentSim.Model.Tallies;

namespace AgentSim.Model.Engine;

/// <summary>What an engine hands back: the merged tally, how many conversations and how many epochs it took.</summary>
public sealed record RunOutcome(RunTally Tally, long Conversations, int Epochs);
