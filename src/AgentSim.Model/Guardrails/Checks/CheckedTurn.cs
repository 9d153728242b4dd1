using AgentSim.Model.Channels;
using AgentSim.Model.Randomness;
using AgentSim.Model.Text;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>What a check knows of the turn besides the message: the channel, what the customer planted, and what a re-ask costs.</summary>
/// <param name="Channel">The channel the turn is on.</param>
/// <param name="Utterance">The customer's utterance as written, with what was planted in it.</param>
/// <param name="AgentLatency">Latency of one agent answer (a re-ask costs one more).</param>
public readonly record struct CheckedTurn(Channel Channel, Utterance Utterance, LogNormal AgentLatency);
