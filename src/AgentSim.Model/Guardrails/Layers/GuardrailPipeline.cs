using AgentSim.Model.Epochs;
using AgentSim.Model.Events;
using AgentSim.Model.Faults;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Randomness;

namespace AgentSim.Model.Guardrails.Layers;

/// <summary>
/// Runs the layers of a world that stand before and after the agent, in stage order: each covering layer costs its
/// latency, fails by its fail mode when it is down (random outage, scripted outage or its own error), and otherwise lets
/// its kind's check decide. Not thread-safe only through the observer it reports to.
/// </summary>
public sealed class GuardrailPipeline(GuardrailModel[] beforeAgent, GuardrailModel[] afterAgent, FaultSchedule faults, ISimulationObserver observer)
{
    /// <summary>Checks the customer's message; returns the latency the layers added.</summary>
    public long CheckMessage(in CheckedTurn turn, int provider, ref CustomerMessage message, EpochSnapshot snapshot, long t, ref Rng rng)
    {
        long added = 0;
        foreach (var g in beforeAgent)
        {
            if (!g.Covers(turn.Channel, provider) || !g.Check.ChecksInput)
            {
                continue;
            }

            var latency = g.Latency.SampleMicros(ref rng);
            added += latency;
            if (IsDown(g, snapshot, t, ref rng))
            {
                observer.GuardrailCheck(g.Index, CheckResult.Error, latency);
                message.Blocked |= g.Config.FailMode == FailMode.Closed;
                continue;
            }

            observer.GuardrailCheck(g.Index, g.Check.CheckInput(turn, ref message, ref rng), latency);
        }

        return added;
    }

    /// <summary>Checks the agent's answer until a layer blocks it; returns the latency the layers added (re-asks included).</summary>
    public long CheckAnswer(in CheckedTurn turn, int provider, ref AgentAnswer answer, EpochSnapshot snapshot, long t, ref Rng rng)
    {
        long added = 0;
        foreach (var g in afterAgent)
        {
            if (!g.Covers(turn.Channel, provider) || !g.Check.ChecksOutput || answer.Blocked)
            {
                continue;
            }

            var latency = g.Latency.SampleMicros(ref rng);
            if (IsDown(g, snapshot, t, ref rng))
            {
                observer.GuardrailCheck(g.Index, CheckResult.Error, latency);
                answer.Blocked |= g.Config.FailMode == FailMode.Closed;
                added += latency;
                continue;
            }

            var result = g.Check.CheckOutput(turn, ref answer, ref rng, ref latency);
            observer.GuardrailCheck(g.Index, result, latency);
            added += latency;
        }

        return added;
    }

    private bool IsDown(GuardrailModel g, EpochSnapshot snapshot, long t, ref Rng rng) =>
        snapshot.GuardrailDown[g.Index] || (snapshot.Faults ?? faults).Active(FaultKind.GuardrailOutage, t, guardrail: g.Index) || rng.Chance(g.Config.ErrorRate);
}
